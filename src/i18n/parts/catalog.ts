/** Strings of the provider's catalogue errors: English and 简体中文, same keys. Keys start with "catalog.". */
export const en = {
  'catalog.error.title': 'The API catalogue could not be loaded',
  'catalog.error.fetch': 'Could not fetch {url}: {reason}',
  'catalog.error.invalid': '{source} is not a valid catalogue or OpenAPI document: {count} problem(s), each with the path of the bad field:',
  'catalog.error.more': '… and {count} more',
  'catalog.error.retry': 'Try again',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'catalog.error.title': '无法加载 API 目录',
  'catalog.error.fetch': '无法获取 {url}：{reason}',
  'catalog.error.invalid': '{source} 不是有效的 API 目录或 OpenAPI 文档，共 {count} 个问题（标出了出错字段的路径）：',
  'catalog.error.more': '…… 另有 {count} 个',
  'catalog.error.retry': '重试',
};
