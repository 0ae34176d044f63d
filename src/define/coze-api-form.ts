/** Registers `<coze-api-form>`. Safe to import more than once. */
import { CozeApiForm } from '../elements/coze-api-form/coze-api-form.js';
import { defineElement } from './define.js';

defineElement('coze-api-form', CozeApiForm);

declare global {
  interface HTMLElementTagNameMap {
    'coze-api-form': CozeApiForm;
  }
}

export { CozeApiForm };
