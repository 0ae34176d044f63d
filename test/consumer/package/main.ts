// A host app: the class entry (side-effect free), one registering entry per tag, the manifest, and
// an element of its own written with the same `lit` (so a second copy of lit would show).
import { LitElement, html } from 'lit';
import { CozeApiTree, CozePlayground, parseCatalog } from 'coze-playground-elements';
import { CozePlayground as RegisteredPlayground } from 'coze-playground-elements/define/coze-playground';
import 'coze-playground-elements/define/coze-api-tree';
import 'coze-playground-elements/define/coze-api-form';
import 'coze-playground-elements/define/coze-api-code';
import 'coze-playground-elements/define/coze-api-response';
import 'coze-playground-elements/define/coze-api-playground';
import 'coze-playground-elements/define/coze-chat-sdk-demo';
import manifest from 'coze-playground-elements/custom-elements.json';

interface ManifestDeclaration {
  tagName?: string;
}

const tags = manifest.modules.flatMap((m: { declarations?: ManifestDeclaration[] }) => (m.declarations ?? []).map((d) => d.tagName).filter((t): t is string => !!t));

class ConsumerManifest extends LitElement {
  override render() {
    return html`<ul>${tags.map((tag) => html`<li>${tag}</li>`)}</ul>`;
  }
}
customElements.define('consumer-manifest', ConsumerManifest);

const token = new URLSearchParams(location.search).get('token') ?? '';
for (const provider of document.querySelectorAll<CozePlayground>('coze-playground')) provider.token = token;

(window as unknown as { __consumer: unknown }).__consumer = {
  tags,
  // The class entry and the registering entries share one module graph: the registered class is the exported one.
  sameClass: customElements.get('coze-playground') === CozePlayground && RegisteredPlayground === CozePlayground && customElements.get('coze-api-tree') === CozeApiTree,
  parseCatalog: typeof parseCatalog,
};
