/** React wrapper of `<coze-api-response>` (registers the element). */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CozeApiResponse as CozeApiResponseElement } from '../define/coze-api-response.js';

/** React prop → DOM event, one per `@fires` of the element. */
export const cozeApiResponseEvents = {
  onCozeRun: 'coze-run' as EventName<HTMLElementEventMap['coze-run']>,
  onCozeCopy: 'coze-copy' as EventName<HTMLElementEventMap['coze-copy']>,
  onCozeFollowUp: 'coze-follow-up' as EventName<HTMLElementEventMap['coze-follow-up']>,
};

/** `<coze-api-response>`: the response of the latest run (summary, request, headers, body or stream). */
export const CozeApiResponse = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'coze-api-response',
  elementClass: CozeApiResponseElement,
  events: cozeApiResponseEvents,
  displayName: 'CozeApiResponse',
});
