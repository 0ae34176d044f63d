/**
 * The demo site's first page: the built-in catalogue, browsable, inside <coze-playground>.
 * The explorer below is demo code (it shows what the provider shares); the library's own tree,
 * form, code and response elements replace it as they land.
 */
import '../src/define/all.js';
import './catalog-explorer.js';
