export * from './types.js';
export { FetchTransport } from './fetch-transport.js';
export { COZE_ERROR_CODES, explainCozeCode, type CodeMeaning } from './codes.js';
