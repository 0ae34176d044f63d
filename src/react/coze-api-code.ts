/** React wrapper of `<coze-api-code>` (registers the element). */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CozeApiCode as CozeApiCodeElement } from '../define/coze-api-code.js';

/** React prop → DOM event, one per `@fires` of the element. */
export const cozeApiCodeEvents = {
  onCozeRun: 'coze-run' as EventName<HTMLElementEventMap['coze-run']>,
  onCozeCodeCopy: 'coze-code-copy' as EventName<HTMLElementEventMap['coze-code-copy']>,
  onCozeCodeLanguageChange: 'coze-code-language-change' as EventName<HTMLElementEventMap['coze-code-language-change']>,
};

/** `<coze-api-code>`: sample code for the current API, with Run and Stop. */
export const CozeApiCode = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'coze-api-code',
  elementClass: CozeApiCodeElement,
  events: cozeApiCodeEvents,
  displayName: 'CozeApiCode',
});
