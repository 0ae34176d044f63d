/** English strings. Keys are shared with zh-CN.ts; a missing zh-CN key is a type error. */
export const en = {
  'catalog.loading': 'Loading the API catalogue…',
  'catalog.error.title': 'The API catalogue could not be loaded',
  'catalog.error.fetch': 'Could not fetch {url}: {reason}',
  'catalog.error.problems': '{count} problem(s) found:',
  'catalog.error.more': '… and {count} more',
  'catalog.error.retry': 'Try again',
} as const;
