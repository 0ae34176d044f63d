/** Registers `<coze-chat-sdk-demo>`. Safe to import more than once. */
import { CozeChatSdkDemo } from '../elements/coze-chat-sdk-demo/coze-chat-sdk-demo.js';
import { defineElement } from './define.js';

defineElement('coze-chat-sdk-demo', CozeChatSdkDemo);

declare global {
  interface HTMLElementTagNameMap {
    'coze-chat-sdk-demo': CozeChatSdkDemo;
  }
}

export { CozeChatSdkDemo };
