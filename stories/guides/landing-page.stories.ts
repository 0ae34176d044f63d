import type { Meta, StoryObj } from '@storybook/web-components-vite';
import guide from '../../docs/guides/landing-page.md?raw';
import { guideExample } from '../support/guide-example.js';

/** Guide 2: a landing page with the Chat SDK demo. Its docs page is landing-page.mdx. */
const meta: Meta = {
  title: 'Guides/Landing page',
  parameters: { docs: { source: { code: guide.split('```html live\n')[1]?.split('```')[0] ?? '', language: 'html' } } },
};
export default meta;

/**
 * The guide's snippet as written, on the in-browser emulator: the configurator, the embed code, and the
 * bubble at the bottom right (of this frame, standing in for the page).
 */
export const LiveExample: StoryObj = { render: () => guideExample(guide, { height: '820px' }) };
