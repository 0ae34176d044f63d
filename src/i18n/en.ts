/** English strings. Keys are shared with zh-CN.ts; a missing zh-CN key is a type error. */
import { en as tree } from './parts/tree.js';
import { en as form } from './parts/form.js';
import { en as code } from './parts/code.js';
import { en as response } from './parts/response.js';
import { en as playground } from './parts/playground.js';
import { en as chat } from './parts/chat.js';
import { en as catalog } from './parts/catalog.js';

export const en = {
  ...tree,
  ...form,
  ...code,
  ...response,
  ...playground,
  ...chat,
  ...catalog,
} as const;
