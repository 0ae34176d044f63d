/** Registers `<coze-api-response>`. Safe to import more than once. */
import { CozeApiResponse } from '../elements/coze-api-response/coze-api-response.js';
import { defineElement } from './define.js';

defineElement('coze-api-response', CozeApiResponse);

declare global {
  interface HTMLElementTagNameMap {
    'coze-api-response': CozeApiResponse;
  }
}

export { CozeApiResponse };
