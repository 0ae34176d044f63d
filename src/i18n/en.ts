/** English strings. Keys are shared with zh-CN.ts; a missing zh-CN key is a type error. */
import { en as tree } from './parts/tree.js';
import { en as form } from './parts/form.js';
import { en as code } from './parts/code.js';
import { en as response } from './parts/response.js';
import { en as playground } from './parts/playground.js';
import { en as chat } from './parts/chat.js';

export const en = {
  ...tree,
  ...form,
  ...code,
  ...response,
  ...playground,
  ...chat,

  'catalog.error.title': 'The API catalogue could not be loaded',
  'catalog.error.fetch': 'Could not fetch {url}: {reason}',
  'catalog.error.invalid': '{source} is not a valid catalogue or OpenAPI document: {count} problem(s), each with the path of the bad field:',
  'catalog.error.more': '… and {count} more',
  'catalog.error.retry': 'Try again',
} as const;
