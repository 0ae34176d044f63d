/** Registers `<coze-api-code>`. Safe to import more than once. */
import { CozeApiCode } from '../elements/coze-api-code/coze-api-code.js';
import { defineElement } from './define.js';

defineElement('coze-api-code', CozeApiCode);

declare global {
  interface HTMLElementTagNameMap {
    'coze-api-code': CozeApiCode;
  }
}

export { CozeApiCode };
