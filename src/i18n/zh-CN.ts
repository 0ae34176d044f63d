/** 简体中文字符串。 */
import type { Messages } from './index.js';

export const zhCN: Messages = {
  'catalog.loading': '正在加载 API 目录…',
  'catalog.error.title': '无法加载 API 目录',
  'catalog.error.fetch': '无法获取 {url}：{reason}',
  'catalog.error.problems': '发现 {count} 个问题：',
  'catalog.error.more': '…… 另有 {count} 个',
  'catalog.error.retry': '重试',
};
