/** 简体中文字符串。 */
import type { Messages } from './index.js';
import { zhCN as tree } from './parts/tree.js';
import { zhCN as form } from './parts/form.js';
import { zhCN as code } from './parts/code.js';
import { zhCN as response } from './parts/response.js';
import { zhCN as playground } from './parts/playground.js';
import { zhCN as chat } from './parts/chat.js';
import { zhCN as catalog } from './parts/catalog.js';

export const zhCN: Messages = {
  ...tree,
  ...form,
  ...code,
  ...response,
  ...playground,
  ...chat,
  ...catalog,
};
