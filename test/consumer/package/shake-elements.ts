// Tree-shaking probe: one element and one core function; the other elements must not be in the output.
import { findEntry } from 'coze-playground-elements';
import 'coze-playground-elements/define/coze-api-tree';

(window as unknown as { __probe: unknown }).__probe = { tree: customElements.get('coze-api-tree'), findEntry };
