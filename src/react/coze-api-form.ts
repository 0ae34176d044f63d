/** React wrapper of `<coze-api-form>` (registers the element). */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CozeApiForm as CozeApiFormElement } from '../define/coze-api-form.js';

/** React prop → DOM event, one per `@fires` of the element. */
export const cozeApiFormEvents = {
  onCozeRun: 'coze-run' as EventName<HTMLElementEventMap['coze-run']>,
};

/** `<coze-api-form>`: the request form of one API (`api="chat.create"`) or of the selected one. */
export const CozeApiForm = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'coze-api-form',
  elementClass: CozeApiFormElement,
  events: cozeApiFormEvents,
  displayName: 'CozeApiForm',
});
