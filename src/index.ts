/**
 * coze-playground-elements: the library entry. Classes, types and core functions only — importing it
 * registers nothing. Register tags with `coze-playground-elements/define` (all) or
 * `coze-playground-elements/define/<tag>` (one).
 */
export { CozePlayground, type CatalogChangeEvent } from './elements/coze-playground/coze-playground.js';
export { catalogContext, displayContext, type CatalogState, type CatalogLoadError, type DisplaySettings, type Theme } from './context/index.js';
export { loadBuiltinCatalog } from './catalog/index.js';
export * from './core/catalog/schema.js';
export { parseCatalog, validateCatalog, lintCatalogText, CatalogError, formatPath, type CatalogProblem } from './core/catalog/load.js';
export { assembleCatalog, type CatalogIndex, type CatalogSection } from './core/catalog/assemble.js';
export { catalogFromData, fetchCatalog, CatalogFetchError } from './core/catalog/source.js';
export { requiredNames, findEntry, endpoints } from './core/catalog/query.js';
export { importOpenApi, normalizePath, type ImportResult, type ImportOptions } from './core/openapi/import.js';
export { exportOpenApi, type ExportOptions } from './core/openapi/export.js';
export { parseDocument } from './core/openapi/parse.js';
export { OpenApiError, type OpenApiProblem } from './core/openapi/refs.js';
export { defineElement } from './define/define.js';
export { msg, pick, toLocale, type Locale, type MessageKey } from './i18n/index.js';
export * from './core/transport/index.js';
export { transportContext } from './context/index.js';
export { validateRequest, type RequestValues, type ValueProblem, type ValidateOptions } from './core/request/validate.js';
export { PlaygroundSession, STORAGE_KEYS, HISTORY_PER_API, HISTORY_MAX_AGE_MS, type HistoryEntry, type SessionChange, type SessionOptions } from './core/session.js';
export { buildRequest, initialValues, emptyValues, bodyJson, prune, type DraftValues, type Presets } from './core/request/build.js';
export { sessionContext } from './context/index.js';
export { PlaygroundConsumer } from './elements/shared/consumer.js';
export { CozeApiTree, type SelectEvent } from './elements/coze-api-tree/coze-api-tree.js';
export { CozeApiForm } from './elements/coze-api-form/coze-api-form.js';
export { CozeApiCode } from './elements/coze-api-code/coze-api-code.js';
export { CozeApiResponse } from './elements/coze-api-response/coze-api-response.js';
export { CozeApiPlayground } from './elements/coze-api-playground/coze-api-playground.js';
export { CozeChatSdkDemo, type ChatSdkChangeDetail } from './elements/coze-chat-sdk-demo/coze-chat-sdk-demo.js';
export { setSnippetLibrary } from './core/code/snippets.js';
