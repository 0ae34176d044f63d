import type { Meta, StoryObj } from '@storybook/web-components-vite';
import guide from '../../docs/guides/custom-console.md?raw';
import { guideExample } from '../support/guide-example.js';

/** Guide 3: a team's own console composed from the elements. Its docs page is custom-console.mdx. */
const meta: Meta = {
  title: 'Guides/Custom console',
  parameters: { layout: 'fullscreen', docs: { source: { code: guide.split('```html live\n')[1]?.split('```')[0] ?? '', language: 'html' } } },
};
export default meta;

/** The guide's snippet as written, on the in-browser emulator, opened on the deep link `#chat.create`. */
export const LiveExample: StoryObj = {
  render: () => {
    history.replaceState(history.state, '', '#chat.create');
    return guideExample(guide);
  },
};
