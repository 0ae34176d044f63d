// Type-checked against the packed package: the React wrappers' props are the element's properties and
// their `on…` props take the element's event types.
import { useRef } from 'react';
import { CozeApiTree, CozeChatSdkDemo, CozePlayground, type CozeApiTreeElement } from 'coze-playground-elements/react';

export function Docs() {
  const tree = useRef<CozeApiTreeElement>(null);
  return (
    <CozePlayground baseUrl="/coze-api" lang="en" presets={{ bot_id: '7431847190245277732' }} onCozeCatalogChange={(e) => e.detail.state.status}>
      <CozeApiTree ref={tree} query="chat" hashSync onCozeSelect={(e) => (e.detail.id === 'chat.create' ? undefined : e.preventDefault())} />
      {/* @ts-expect-error `query` is a string */}
      <CozeApiTree query={1} />
      {/* @ts-expect-error an unknown event prop of this element */}
      <CozeApiTree onCozeChatSdkReply={() => undefined} />
      <CozeChatSdkDemo botId="7431847190245277732" onCozeChatSdkReply={(e) => e.detail.content.toUpperCase()} />
    </CozePlayground>
  );
}
