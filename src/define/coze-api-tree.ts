/** Registers `<coze-api-tree>`. Safe to import more than once. */
import { CozeApiTree } from '../elements/coze-api-tree/coze-api-tree.js';
import { defineElement } from './define.js';

defineElement('coze-api-tree', CozeApiTree);

declare global {
  interface HTMLElementTagNameMap {
    'coze-api-tree': CozeApiTree;
  }
}

export { CozeApiTree };
