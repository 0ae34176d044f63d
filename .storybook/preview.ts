import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/define/all.js';

interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  description?: string;
  parameters?: Array<{ name: string; optional?: boolean; type?: { text?: string } }>;
  return?: { type?: { text?: string } };
}
interface Declaration {
  tagName?: string;
  members?: Member[];
}
interface Manifest {
  modules: Array<{ declarations?: Declaration[] }>;
}

const isPublic = (m: Member) => !m.privacy && !m.static && !m.name.startsWith('#');

/**
 * The manifest lists every class member, private ones included (the analyzer marks them); the docs
 * tables show the public API only. Storybook's tables have no row for methods, so the public methods
 * are kept aside and added under their own "methods" heading below.
 */
const publicManifest: Manifest = structuredClone(manifest as Manifest);
const methods = new Map<string, Member[]>();
for (const mod of publicManifest.modules) {
  for (const d of mod.declarations ?? []) {
    if (!d.tagName || !d.members) continue;
    methods.set(d.tagName, d.members.filter((m) => m.kind === 'method' && isPublic(m)));
    d.members = d.members.filter((m) => m.kind !== 'method' && isPublic(m));
  }
}

// Argument tables and docs come from the JSDoc of each element, through custom-elements.json.
setCustomElementsManifest(publicManifest);

const signature = (m: Member) =>
  `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`).join(', ')}): ${m.return?.type?.text ?? 'void'}`;

const DOC_ONLY = new Set(['events', 'slots', 'css custom properties', 'css shadow parts']);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
    options: {
      storySort: {
        order: ['Introduction', 'Guides', ['Documentation site', 'Landing page', 'Custom console'], 'Elements', 'Theming'],
      },
    },
  },
  argTypesEnhancers: [
    (context) => {
      const tag = typeof context.component === 'string' ? context.component : undefined;
      const rows = Object.fromEntries(
        (tag ? (methods.get(tag) ?? []) : []).map((m) => [
          `${m.name}()`,
          { name: `${m.name}()`, description: m.description ?? '', control: false as const, table: { category: 'methods', type: { summary: signature(m) } } },
        ]),
      );
      // Events, slots, parts and custom properties are documentation, not inputs of a story.
      const argTypes = Object.fromEntries(
        Object.entries(context.argTypes).map(([name, argType]) => [
          name,
          DOC_ONLY.has(String(argType.table?.category)) ? { ...argType, control: false as const } : argType,
        ]),
      );
      return { ...argTypes, ...rows };
    },
  ],
};

export default preview;
