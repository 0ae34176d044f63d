import type { Meta, StoryObj } from '@storybook/web-components-vite';
import guide from '../../docs/guides/documentation-site.md?raw';
import { guideExample } from '../support/guide-example.js';

/** Guide 1: a documentation page with a live try-it panel for one API. Its docs page is documentation-site.mdx. */
const meta: Meta = {
  title: 'Guides/Documentation site',
  parameters: { docs: { source: { code: guide.split('```html live\n')[1]?.split('```')[0] ?? '', language: 'html' } } },
};
export default meta;

/** The guide's snippet as written, on the in-browser emulator (no token needed). */
export const LiveExample: StoryObj = { render: () => guideExample(guide) };
