/**
 * What a running preview needs, loaded with `import()` when the preview starts, so that a page pays
 * for it (the chat client, the window, markdown with `marked`) only once Run is pressed.
 */
export { ChatClient } from '../../core/chat-sdk/client.js';
export { IncrementalMarkdown } from '../../core/chat-sdk/markdown.js';
export { renderWindow } from './chat-window.js';
export { windowStyles } from './chat-window.styles.js';
export { FetchTransport } from '../../core/transport/fetch-transport.js';
