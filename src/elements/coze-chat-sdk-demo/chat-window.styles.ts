import { css } from 'lit';

/**
 * The floating bubble, the chat window, messages, markdown and the composer: loaded with the preview
 * (see preview.ts) and adopted by the element when a preview first starts.
 */
export const windowStyles = css`
  /* Bubble and window ------------------------------------------------------------------------- */
  .bubble {
    position: absolute;
    right: 24px;
    bottom: 24px;
    z-index: 2;
    display: grid;
    place-items: center;
    width: var(--_bubble);
    height: var(--_bubble);
    overflow: hidden;
    border: 0;
    border-radius: 50%;
    padding: 0;
    background: var(--_accent);
    color: var(--_accent-text);
    box-shadow: 0 6px 20px rgb(0 0 0 / 22%);
    transition: transform 120ms ease;
  }
  .bubble:hover {
    transform: scale(1.05);
  }
  .bubble svg {
    width: 28px;
    height: 28px;
  }
  .bubble img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .bubble:focus-visible {
    box-shadow: var(--_focus), 0 6px 20px rgb(0 0 0 / 22%);
  }
  .preview.page .bubble {
    position: fixed;
    z-index: 1000;
  }
  .window {
    position: absolute;
    right: 24px;
    bottom: calc(24px + var(--_bubble) + 14px);
    z-index: 3;
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    width: min(var(--_window-width, 460px), calc(100% - 48px));
    height: min(var(--_window-height), calc(100% - var(--_bubble) - 62px));
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: 14px;
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 22%);
  }
  .preview.page .window {
    position: fixed;
    z-index: 1001;
    width: min(var(--_window-width, 460px), calc(100vw - 48px));
    height: min(var(--_window-height), calc(100vh - var(--_bubble) - 62px));
  }
  .window.mobile {
    inset: 0 0 0 auto;
    width: min(375px, 100%);
    height: 100%;
    border-radius: 0;
    border-width: 0 0 0 1px;
  }
  .preview.page .window.mobile {
    inset: 0;
    width: 100vw;
    height: 100%;
    border: 0;
  }
  /* On a phone-sized page, the window takes the whole screen whatever the layout (as the SDK does). */
  @media (max-width: 480px) {
    .preview.page .window {
      inset: 0;
      width: 100vw;
      height: 100%;
      border: 0;
      border-radius: 0;
    }
  }
  header[part='header'] {
    display: flex;
    flex: none;
    align-items: center;
    gap: 8px;
    padding: 8px 8px 8px 12px;
    border-bottom: 1px solid var(--_border);
  }
  header h2 {
    overflow: hidden;
    margin: 0;
    font-size: 15px;
    font-weight: 600;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .avatar {
    display: grid;
    flex: none;
    place-items: center;
    width: 28px;
    height: 28px;
    overflow: hidden;
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_accent);
    font-size: 13px;
    font-weight: 600;
  }
  .avatar svg {
    width: 18px;
    height: 18px;
  }
  .avatar img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .icon-button {
    position: relative;
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 34px;
    height: 34px;
    border: 0;
    border-radius: 8px;
    padding: 0;
    background: transparent;
    color: var(--_muted);
  }
  .icon-button:hover:not(:disabled) {
    background: var(--_surface);
    color: var(--_text);
  }
  .icon-button svg {
    width: 18px;
    height: 18px;
  }
  .icon-button.small {
    width: 28px;
    height: 28px;
  }
  .icon-button.small svg {
    width: 15px;
    height: 15px;
  }
  .icon-button[aria-pressed='true'] {
    color: var(--_accent);
  }
  .icon-button.send,
  .icon-button.stop {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .icon-button.send:hover:not(:disabled),
  .icon-button.stop:hover {
    background: var(--_accent);
    color: var(--_accent-text);
    filter: brightness(1.08);
  }
  .icon-button.recording {
    color: var(--_danger);
  }
  .file-button:focus-within {
    box-shadow: var(--_focus);
  }
  .file-input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    opacity: 0;
    cursor: pointer;
  }
  [part='conversations'] {
    position: absolute;
    top: 51px;
    bottom: 0;
    left: 0;
    z-index: 2;
    box-sizing: border-box;
    width: min(260px, 80%);
    overflow: auto;
    border-right: 1px solid var(--_border);
    padding: 10px;
    background: var(--_bg);
    box-shadow: 4px 0 16px rgb(0 0 0 / 12%);
  }
  [part='conversations'] ul {
    margin: 8px 0 0;
    padding: 0;
    list-style: none;
  }
  .conversation {
    display: block;
    width: 100%;
    overflow: hidden;
    margin-bottom: 2px;
    border: 0;
    border-radius: 6px;
    padding: 7px 8px;
    background: transparent;
    text-align: left;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .conversation[aria-current='true'] {
    background: var(--_surface);
    font-weight: 600;
  }

  /* Messages ---------------------------------------------------------------------------------- */
  .log {
    flex: 1;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 14px 12px;
  }
  .log > ol {
    display: flex;
    flex-direction: column;
    gap: 14px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .empty {
    display: grid;
    justify-items: center;
    gap: 8px;
    padding: 36px 16px 12px;
    color: var(--_muted);
    text-align: center;
  }
  .empty .avatar {
    width: 48px;
    height: 48px;
  }
  .empty .avatar svg {
    width: 28px;
    height: 28px;
  }
  .empty p {
    margin: 0;
  }
  .msg {
    display: flex;
    align-items: flex-start;
    gap: 8px;
  }
  .msg.user {
    flex-direction: row-reverse;
  }
  .msg .body {
    box-sizing: border-box;
    min-width: 0;
    max-width: calc(100% - 36px);
    border-radius: 12px;
    padding: 8px 12px;
    background: var(--_surface);
    line-height: 1.6;
    overflow-wrap: anywhere;
  }
  .msg.user .body {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .msg.bot .body {
    flex: 1;
  }
  .plain {
    margin: 0;
    white-space: pre-wrap;
  }
  .attachments {
    display: grid;
    gap: 4px;
    margin: 6px 0 0;
    padding: 0;
    list-style: none;
    font-size: 12.5px;
  }
  .attachment {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .attachment img {
    width: 40px;
    height: 40px;
    border-radius: 4px;
    object-fit: cover;
  }
  .msg.user .attachment .muted,
  .msg.user .attachment .danger {
    color: inherit;
    font-style: italic;
  }
  .typing {
    margin: 0;
  }
  .dots {
    display: inline-flex;
    gap: 4px;
    padding: 6px 0;
  }
  .dots i {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: var(--_muted);
    animation: blink 1.2s infinite ease-in-out;
  }
  .dots i:nth-child(2) {
    animation-delay: 0.2s;
  }
  .dots i:nth-child(3) {
    animation-delay: 0.4s;
  }
  @keyframes blink {
    0%,
    80%,
    100% {
      opacity: 0.25;
    }
    40% {
      opacity: 1;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .dots i {
      animation: none;
    }
    .bubble {
      transition: none;
    }
  }
  .note {
    margin: 6px 0 0;
    color: var(--_muted);
    font-size: 12.5px;
    font-style: italic;
  }
  .calls {
    margin: 0 0 6px;
    padding: 0;
    list-style: none;
    font-size: 12.5px;
  }
  .calls li {
    color: var(--_muted);
  }
  .calls code {
    font-family: var(--_mono);
    font-size: 11.5px;
  }
  .reasoning {
    margin-bottom: 6px;
  }
  .reasoning-toggle {
    border: 0;
    border-radius: 4px;
    padding: 0 2px;
    background: none;
    color: var(--_muted);
    font-size: 12.5px;
  }
  .reasoning-toggle::before {
    content: '▸ ';
  }
  .reasoning-toggle[aria-expanded='true']::before {
    content: '▾ ';
  }
  .reasoning-text {
    margin-top: 4px;
    border-left: 2px solid var(--_border);
    padding-left: 8px;
    color: var(--_muted);
    font-size: 13px;
    white-space: pre-wrap;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 2px;
    margin-top: 4px;
  }
  .actions .muted {
    font-size: 12px;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 8px;
  }
  .chip {
    border: 1px solid var(--_border);
    border-radius: 16px;
    padding: 4px 12px;
    background: var(--_bg);
    font-size: 13px;
    text-align: left;
  }
  .chip:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  .divider {
    display: flex;
    align-items: center;
    gap: 8px;
    color: var(--_muted);
    font-size: 12px;
  }
  .divider::before,
  .divider::after {
    content: '';
    flex: 1;
    border-top: 1px dashed var(--_border);
  }
  .tool-card,
  .error-card {
    box-sizing: border-box;
    width: 100%;
    border-radius: 10px;
    padding: 10px 12px;
  }
  .tool-card {
    border: 1px solid var(--_accent);
    background: var(--_bg);
  }
  .tool-title {
    margin: 0 0 6px;
    font-weight: 600;
  }
  .tool-call p {
    margin: 0;
    font-size: 12px;
  }
  .tool-call label {
    display: block;
    margin-bottom: 3px;
    font-size: 12.5px;
  }
  .args {
    margin: 2px 0 8px;
    border-radius: 6px;
    padding: 6px 8px;
    background: var(--_surface);
    font-family: var(--_mono);
    font-size: 12px;
    white-space: pre-wrap;
  }
  .tool-call textarea {
    box-sizing: border-box;
    width: 100%;
    margin-bottom: 8px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 6px 8px;
    background: var(--_bg);
    font-family: var(--_mono);
    font-size: 12.5px;
  }
  .error-card {
    border: 1px solid var(--_danger);
    background: var(--_danger-bg);
  }
  .error-card p {
    margin: 0 0 4px;
  }
  .error-title {
    color: var(--_danger);
    font-weight: 600;
  }

  /* Markdown ---------------------------------------------------------------------------------- */
  /* Long answers come in groups of blocks: groups out of view skip style, layout and paint (their last
     size is remembered). The last block's bottom margin is taken back by the answer's own. */
  .md-group {
    content-visibility: auto;
    contain-intrinsic-size: auto 20em;
  }
  .md {
    margin-bottom: -0.6em;
  }

  .md p,
  .md ul,
  .md ol,
  .md blockquote,
  .md .code-block,
  .md .table-wrap {
    margin: 0 0 0.6em;
  }
  .md h1,
  .md h2,
  .md h3,
  .md h4,
  .md h5,
  .md h6 {
    margin: 0.6em 0 0.4em;
    line-height: 1.35;
  }
  .md h1 {
    font-size: 1.3em;
  }
  .md h2 {
    font-size: 1.2em;
  }
  .md h3 {
    font-size: 1.1em;
  }
  .md h4,
  .md h5,
  .md h6 {
    font-size: 1em;
  }
  .md ul,
  .md ol {
    padding-left: 1.4em;
  }
  .md li.task {
    list-style: none;
    margin-left: -1.2em;
  }
  .md code {
    border-radius: 4px;
    padding: 0.1em 0.35em;
    background: var(--_bg);
    font-family: var(--_mono);
    font-size: 0.9em;
  }
  .md a {
    color: var(--_accent);
  }
  .md img {
    max-width: 100%;
    border-radius: 6px;
  }
  .md blockquote {
    border-left: 3px solid var(--_border);
    padding-left: 10px;
    color: var(--_muted);
  }
  .md hr {
    border: 0;
    border-top: 1px solid var(--_border);
  }
  .md .raw-html {
    font-family: var(--_mono);
    font-size: 12.5px;
    white-space: pre-wrap;
  }
  .unsafe-link {
    text-decoration: underline dotted;
  }
  .code-block {
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_bg);
  }
  .code-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 2px 4px 2px 10px;
    border-bottom: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 12px;
  }
  .code-head .icon-button {
    width: auto;
    padding: 0 8px;
    font-size: 12px;
  }
  .code-block pre {
    margin: 0;
    overflow: auto;
    padding: 8px 10px;
    font-family: var(--_mono);
    font-size: 12.5px;
    line-height: 1.55;
  }
  .code-block pre code {
    padding: 0;
    background: none;
    font-size: inherit;
  }
  .table-wrap {
    overflow: auto;
  }
  .md table {
    border-collapse: collapse;
    font-size: 13px;
  }
  .md th,
  .md td {
    border: 1px solid var(--_border);
    padding: 4px 8px;
  }

  /* Composer and footer ----------------------------------------------------------------------- */
  [part='composer'] {
    flex: none;
    border-top: 1px solid var(--_border);
    padding: 8px 10px;
  }
  .composer-row {
    display: flex;
    align-items: flex-end;
    gap: 4px;
  }
  textarea.input {
    flex: 1;
    box-sizing: border-box;
    min-width: 0;
    min-height: 36px;
    max-height: 140px;
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 7px 10px;
    resize: none;
    background: var(--_bg);
    line-height: 1.45;
    field-sizing: content;
  }
  .notice {
    margin: 0 0 6px;
    color: var(--_muted);
    font-size: 12.5px;
  }
  .pending-files {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0 0 6px;
    padding: 0;
    list-style: none;
  }
  .file-chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    max-width: 100%;
    border: 1px solid var(--_border);
    border-radius: 14px;
    padding: 0 2px 0 10px;
    background: var(--_surface);
    font-size: 12.5px;
  }
  .file-chip span {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  [part='footer'] {
    flex: none;
    padding: 0 12px 8px;
    color: var(--_muted);
    font-size: 11.5px;
    text-align: center;
  }
  [part='footer'] a {
    color: var(--_accent);
  }
`;
