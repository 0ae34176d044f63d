/**
 * A small React app built on the React wrappers (test/node/react.test.ts bundles it with esbuild and
 * drives it in Chromium against the emulator at /coze-api). Its own state shows what React received:
 * the catalogue status, the APIs selected in the tree, the runs started from the sample code.
 */
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  CozeApiCode,
  CozeApiForm,
  CozeApiPlayground,
  CozeApiResponse,
  CozeApiTree,
  CozeChatSdkDemo,
  CozePlayground,
  cozeApiCodeEvents,
  cozeApiFormEvents,
  cozeApiPlaygroundEvents,
  cozeApiResponseEvents,
  cozeApiTreeEvents,
  cozeChatSdkDemoEvents,
  cozePlaygroundEvents,
  type CozeApiTreeElement,
} from '../../../src/react/index.js';

/** Any well-formed token works with the emulator. */
const TOKEN = 'pat_react_app';
const BOT = '7431847190245277732';

function App() {
  const [query, setQuery] = useState('');
  const [veto, setVeto] = useState(false);
  const [catalog, setCatalog] = useState('loading');
  const [selected, setSelected] = useState<string[]>([]);
  const [runs, setRuns] = useState<string[]>([]);
  const [languages, setLanguages] = useState<string[]>([]);
  const [chatOpen, setChatOpen] = useState(false);
  const tree = useRef<CozeApiTreeElement>(null);

  return (
    <>
      <div id="controls">
        <label>
          Filter <input id="filter" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          <input id="veto" type="checkbox" checked={veto} onChange={(e) => setVeto(e.target.checked)} /> Veto selections
        </label>
        <button id="expand" type="button" onClick={() => tree.current?.expandAll()}>
          Expand all
        </button>
      </div>
      <p>
        Catalogue: <output id="catalog">{catalog}</output>, chat window open: <output id="chat-open">{String(chatOpen)}</output>
      </p>
      <ol id="selected">
        {selected.map((id, i) => (
          <li key={i}>{id}</li>
        ))}
      </ol>
      <ol id="runs">
        {runs.map((api, i) => (
          <li key={i}>{api}</li>
        ))}
      </ol>
      <ol id="languages">
        {languages.map((language, i) => (
          <li key={i}>{language}</li>
        ))}
      </ol>

      <CozePlayground id="parts" baseUrl="/coze-api" lang="en" token={TOKEN} presets={{ bot_id: BOT, user_id: 'react-user' }} onCozeCatalogChange={(e) => setCatalog(e.detail.state.status)}>
        <CozeApiTree
          ref={tree}
          query={query}
          style={{ height: 360 }}
          onCozeSelect={(e) => {
            if (veto) e.preventDefault();
            setSelected((ids) => [...ids, e.detail.id]);
          }}
        />
        <CozeApiForm />
        <CozeApiCode onCozeRun={(e) => setRuns((apis) => [...apis, e.detail.api])} onCozeCodeLanguageChange={(e) => setLanguages((l) => [...l, e.detail.language])} />
        <CozeApiResponse />
      </CozePlayground>

      <CozePlayground id="page" baseUrl="/coze-api" lang="en" token={TOKEN}>
        <CozeApiPlayground style={{ ['--coze-playground-height' as string]: '600px' }} />
      </CozePlayground>

      <CozePlayground id="chat" baseUrl="/coze-api" lang="en" token={TOKEN}>
        <CozeChatSdkDemo botId={BOT} onCozeChatSdkToggle={(e) => setChatOpen(e.detail.open)} />
      </CozePlayground>
    </>
  );
}

// The event maps, for the test to hold them against each element's `@fires`.
(window as unknown as { __wrapperEvents: Record<string, Record<string, string>> }).__wrapperEvents = {
  'coze-playground': cozePlaygroundEvents,
  'coze-api-tree': cozeApiTreeEvents,
  'coze-api-form': cozeApiFormEvents,
  'coze-api-code': cozeApiCodeEvents,
  'coze-api-response': cozeApiResponseEvents,
  'coze-api-playground': cozeApiPlaygroundEvents,
  'coze-chat-sdk-demo': cozeChatSdkDemoEvents,
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
