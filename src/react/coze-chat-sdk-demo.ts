/** React wrapper of `<coze-chat-sdk-demo>` (registers the element). */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CozeChatSdkDemo as CozeChatSdkDemoElement } from '../define/coze-chat-sdk-demo.js';

/** React prop → DOM event, one per `@fires` of the element. */
export const cozeChatSdkDemoEvents = {
  onCozeChatSdkChange: 'coze-chat-sdk-change' as EventName<HTMLElementEventMap['coze-chat-sdk-change']>,
  onCozeChatSdkRun: 'coze-chat-sdk-run' as EventName<HTMLElementEventMap['coze-chat-sdk-run']>,
  onCozeChatSdkToggle: 'coze-chat-sdk-toggle' as EventName<HTMLElementEventMap['coze-chat-sdk-toggle']>,
  onCozeChatSdkReply: 'coze-chat-sdk-reply' as EventName<HTMLElementEventMap['coze-chat-sdk-reply']>,
  onCozeChatSdkError: 'coze-chat-sdk-error' as EventName<HTMLElementEventMap['coze-chat-sdk-error']>,
};

/** `<coze-chat-sdk-demo>`: configure the Coze Chat SDK, see its embed code, and chat with the bot. */
export const CozeChatSdkDemo = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'coze-chat-sdk-demo',
  elementClass: CozeChatSdkDemoElement,
  events: cozeChatSdkDemoEvents,
  displayName: 'CozeChatSdkDemo',
});
