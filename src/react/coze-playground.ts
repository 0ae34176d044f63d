/** React wrapper of `<coze-playground>` (registers the element). */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CozePlayground as CozePlaygroundElement } from '../define/coze-playground.js';

/** React prop → DOM event, one per `@fires` of the element. */
export const cozePlaygroundEvents = {
  onCozeCatalogChange: 'coze-catalog-change' as EventName<HTMLElementEventMap['coze-catalog-change']>,
};

/**
 * `<coze-playground>`: the provider that shares the catalogue, the transport, the language and the
 * theme with the elements inside it (its children).
 */
export const CozePlayground = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'coze-playground',
  elementClass: CozePlaygroundElement,
  events: cozePlaygroundEvents,
  displayName: 'CozePlayground',
});
