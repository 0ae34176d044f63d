/** 简体中文字符串。 */
import type { Messages } from './index.js';
import { zhCN as tree } from './parts/tree.js';
import { zhCN as form } from './parts/form.js';
import { zhCN as code } from './parts/code.js';
import { zhCN as response } from './parts/response.js';
import { zhCN as playground } from './parts/playground.js';
import { zhCN as chat } from './parts/chat.js';

export const zhCN: Messages = {
  ...tree,
  ...form,
  ...code,
  ...response,
  ...playground,
  ...chat,

  'catalog.error.title': '无法加载 API 目录',
  'catalog.error.fetch': '无法获取 {url}：{reason}',
  'catalog.error.invalid': '{source} 不是有效的 API 目录或 OpenAPI 文档，共 {count} 个问题（标出了出错字段的路径）：',
  'catalog.error.more': '…… 另有 {count} 个',
  'catalog.error.retry': '重试',
};
