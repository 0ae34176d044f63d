// Type-checked (tsc --noEmit) against the packed package's declarations. The `@ts-expect-error` lines
// fail the check if the types were missing (`any`) instead of real.
import { CozeApiTree, parseCatalog, type SelectEvent } from 'coze-playground-elements';
import { CozeApiForm } from 'coze-playground-elements/define/coze-api-form';
import 'coze-playground-elements/define';
import manifest from 'coze-playground-elements/custom-elements.json';

const tree: CozeApiTree = document.createElement('coze-api-tree');
tree.query = 'chat';
// @ts-expect-error `query` is a string
tree.query = 42;

const form = document.querySelector('coze-api-form');
if (form instanceof CozeApiForm) form.api = 'chat.create';

tree.addEventListener('coze-select', (event) => {
  const id: string = event.detail.id;
  if (id.startsWith('legacy.')) event.preventDefault();
});
document.body.addEventListener('coze-run', (event) => {
  // @ts-expect-error `detail.api` is a string
  const api: number = event.detail.api;
  return api;
});
const onSelect = (event: SelectEvent): string => event.detail.id;
tree.addEventListener('coze-select', onSelect);

const chat = document.createElement('coze-chat-sdk-demo');
chat.botId = '7431847190245277732';
chat.addEventListener('coze-chat-sdk-reply', (event) => event.detail.content.length);

const playground = document.createElement('coze-playground');
playground.baseUrl = '/coze-api';
playground.presets = { bot_id: '7431847190245277732' };

export const checks = [parseCatalog, manifest.schemaVersion];
