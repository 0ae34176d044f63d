/** Registers `<coze-playground>`. Safe to import more than once. */
import { CozePlayground } from '../elements/coze-playground/coze-playground.js';
import { defineElement } from './define.js';

defineElement('coze-playground', CozePlayground);

declare global {
  interface HTMLElementTagNameMap {
    'coze-playground': CozePlayground;
  }
}

export { CozePlayground };
