/** English strings. Keys are shared with zh-CN.ts; a missing zh-CN key is a type error. */
export const en = {
  'catalog.error.title': 'The API catalogue could not be loaded',
  'catalog.error.fetch': 'Could not fetch {url}: {reason}',
  'catalog.error.invalid': '{source} is not a valid catalogue or OpenAPI document: {count} problem(s), each with the path of the bad field:',
  'catalog.error.more': '… and {count} more',
  'catalog.error.retry': 'Try again',
} as const;
