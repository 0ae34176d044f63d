/** Registers every element of the library. Providers first, so consumers already in the page find them. */
import './coze-playground.js';
import './coze-api-tree.js';
import './coze-api-form.js';
import './coze-api-code.js';
import './coze-api-response.js';
import './coze-api-playground.js';
import './coze-chat-sdk-demo.js';
