/** Registers `<coze-api-playground>` and the elements it is made of. Safe to import more than once. */
import { CozeApiPlayground } from '../elements/coze-api-playground/coze-api-playground.js';
import { defineElement } from './define.js';
import './coze-api-tree.js';
import './coze-api-form.js';
import './coze-api-code.js';

// The response panel has nothing to show before the first run: its element (and the JSON tree, the
// event timeline, the audio player) loads then, not with the page.
CozeApiPlayground.loadResponsePanel ??= () => import('./coze-api-response.js');
defineElement('coze-api-playground', CozeApiPlayground);

declare global {
  interface HTMLElementTagNameMap {
    'coze-api-playground': CozeApiPlayground;
  }
}

export { CozeApiPlayground };
