/** React wrapper of `<coze-api-tree>` (registers the element). */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CozeApiTree as CozeApiTreeElement } from '../define/coze-api-tree.js';

/** React prop → DOM event, one per `@fires` of the element. */
export const cozeApiTreeEvents = {
  onCozeSelect: 'coze-select' as EventName<HTMLElementEventMap['coze-select']>,
};

/** `<coze-api-tree>`: the searchable, keyboard-navigable tree of APIs. `onCozeSelect` may cancel a selection. */
export const CozeApiTree = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'coze-api-tree',
  elementClass: CozeApiTreeElement,
  events: cozeApiTreeEvents,
  displayName: 'CozeApiTree',
});
