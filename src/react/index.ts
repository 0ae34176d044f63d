/**
 * `coze-playground-elements/react`: React components for every element, made with `@lit/react`.
 * Props set the element's properties; `on<Event>` props (e.g. `onCozeSelect` for `coze-select`)
 * listen to its events. Each component registers its element when its module loads; a bundler drops
 * the components (and elements) a page does not use. Needs `react` and `@lit/react` (peer dependencies).
 */
export { CozePlayground, cozePlaygroundEvents } from './coze-playground.js';
export { CozeApiTree, cozeApiTreeEvents } from './coze-api-tree.js';
export { CozeApiForm, cozeApiFormEvents } from './coze-api-form.js';
export { CozeApiCode, cozeApiCodeEvents } from './coze-api-code.js';
export { CozeApiResponse, cozeApiResponseEvents } from './coze-api-response.js';
export { CozeApiPlayground, cozeApiPlaygroundEvents, type PinChangeEvent } from './coze-api-playground.js';
export { CozeChatSdkDemo, cozeChatSdkDemoEvents } from './coze-chat-sdk-demo.js';

/** The element classes, for refs: `useRef<CozeApiTreeElement>(null)`. */
export type { CozePlayground as CozePlaygroundElement } from '../elements/coze-playground/coze-playground.js';
export type { CozeApiTree as CozeApiTreeElement, SelectEvent } from '../elements/coze-api-tree/coze-api-tree.js';
export type { CozeApiForm as CozeApiFormElement } from '../elements/coze-api-form/coze-api-form.js';
export type { CozeApiCode as CozeApiCodeElement } from '../elements/coze-api-code/coze-api-code.js';
export type { CozeApiResponse as CozeApiResponseElement } from '../elements/coze-api-response/coze-api-response.js';
export type { CozeApiPlayground as CozeApiPlaygroundElement } from '../elements/coze-api-playground/coze-api-playground.js';
export type { CozeChatSdkDemo as CozeChatSdkDemoElement, ChatSdkChangeDetail } from '../elements/coze-chat-sdk-demo/coze-chat-sdk-demo.js';
export type { CatalogChangeEvent } from '../elements/coze-playground/coze-playground.js';
