/** React wrapper of `<coze-api-playground>` (registers it and the elements it is made of). */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CozeApiPlayground as CozeApiPlaygroundElement } from '../define/coze-api-playground.js';

/** `detail` of `coze-pin-change`. */
export type PinChangeEvent = CustomEvent<{ pinned: boolean }>;

/** React prop → DOM event, one per `@fires` of the element. */
export const cozeApiPlaygroundEvents = {
  onCozePinChange: 'coze-pin-change' as EventName<PinChangeEvent>,
};

/**
 * `<coze-api-playground>`: the full page (API list, form, sample code, response). The events of the
 * elements inside it bubble out of it too; listen to them on an enclosing `CozePlayground` or element.
 */
export const CozeApiPlayground = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'coze-api-playground',
  elementClass: CozeApiPlaygroundElement,
  events: cozeApiPlaygroundEvents,
  displayName: 'CozeApiPlayground',
});
