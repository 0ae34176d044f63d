import { css } from 'lit';
import { privateTokens, visuallyHidden } from '../../styles/host.js';

export const styles = css`
  :host {
    ${privateTokens}
    --_accent: var(--coze-chat-sdk-accent, var(--coze-color-accent, #4d53e8));
    --_stage-height: var(--coze-chat-sdk-stage-height, 600px);
    --_window-height: var(--coze-chat-sdk-window-height, 560px);
    --_bubble: var(--coze-chat-sdk-bubble-size, 56px);
    display: block;
    container-type: inline-size;
    color: var(--_text);
    font-family: var(--coze-font-sans, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', sans-serif);
    font-size: 14px;
  }
  /* On its own with theme="dark" (no provider to set the tokens), the dark values are the fallbacks. */
  :host([data-theme='dark']) {
    --_bg: var(--coze-color-bg, #17181c);
    --_surface: var(--coze-color-surface, #202227);
    --_text: var(--coze-color-text, #e8eaed);
    --_muted: var(--coze-color-text-muted, #a3a8b3);
    --_border: var(--coze-color-border, #3a3d45);
    --_accent: var(--coze-chat-sdk-accent, var(--coze-color-accent, #8f94ff));
    --_accent-text: var(--coze-color-accent-text, #0f1014);
    --_danger: var(--coze-color-danger, #ff8a80);
    --_danger-bg: var(--coze-color-danger-bg, #3b1f1f);
    --_focus: var(--coze-focus-ring, 0 0 0 2px #8f94ff);
    color-scheme: dark;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    ${visuallyHidden}
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  .primary {
    border: 1px solid var(--_accent);
    border-radius: 6px;
    padding: 5px 16px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .ghost {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 4px 10px;
    background: var(--_bg);
    color: var(--_text);
  }
  .ghost svg {
    width: 14px;
    height: 14px;
  }
  .ghost.wide {
    width: 100%;
    justify-content: center;
  }
  .muted {
    color: var(--_muted);
  }
  .small {
    font-size: 12px;
  }
  .spacer {
    flex: 1;
  }
  .hint {
    margin: 4px 0 0;
    color: var(--_muted);
    font-size: 12px;
  }
  .problem {
    margin: 4px 0 0;
    color: var(--_danger);
    font-size: 12px;
  }

  /* Layout ------------------------------------------------------------------------------------ */
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr);
    gap: 16px;
  }
  .layout > [part='preview'] {
    grid-column: 1 / -1;
  }
  :host([preview-only]) .layout {
    display: block;
  }
  @container (max-width: 760px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .preview.inline.with-events {
      grid-template-columns: minmax(0, 1fr) !important;
    }
  }
  .panel {
    display: flex;
    flex-direction: column;
    min-width: 0;
    max-height: var(--coze-chat-sdk-panel-height, 620px);
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 12px 14px;
    background: var(--_bg);
  }
  .panel-title {
    margin: 0 0 8px;
    font-size: 14px;
    font-weight: 600;
  }

  /* Configurator ------------------------------------------------------------------------------ */
  .config-form {
    overflow: auto;
    margin: 0 -6px;
    padding: 0 6px;
  }
  .group {
    border-bottom: 1px solid var(--_border);
  }
  .group:last-child {
    border-bottom: 0;
  }
  .group > summary {
    padding: 8px 2px;
    font-weight: 600;
    cursor: pointer;
    border-radius: 4px;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 10px 12px;
    padding: 2px 2px 12px;
  }
  .field {
    min-width: 0;
    margin: 0;
  }
  .field.json,
  .field.check.wide,
  .field.links,
  .field.secret,
  .field.url {
    grid-column: 1 / -1;
  }
  .field > label,
  .field > legend {
    display: block;
    margin-bottom: 3px;
    color: var(--_muted);
    font-size: 12.5px;
  }
  .field input:not([type='checkbox']),
  .field select,
  .field textarea {
    box-sizing: border-box;
    width: 100%;
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 5px 8px;
    background: var(--_bg);
    font-size: 13px;
  }
  .field textarea {
    font-family: var(--_mono);
    font-size: 12px;
    resize: vertical;
  }
  .field input:disabled,
  .field textarea:disabled {
    background: var(--_surface);
    color: var(--_muted);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  .required {
    color: var(--_danger);
  }
  .input-row {
    display: flex;
    gap: 6px;
  }
  .input-row .ghost {
    flex: none;
  }
  .field.check {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  .field.check > label {
    margin: 0;
    color: var(--_text);
    font-size: 13px;
  }
  .field.check .hint {
    flex-basis: 100%;
  }
  .field.links {
    border: 0;
    padding: 0;
  }
  .link-rows {
    display: grid;
    gap: 6px;
    margin-bottom: 6px;
  }
  .link-row {
    display: grid;
    grid-template-columns: 0.8fr 1fr 1.6fr auto;
    gap: 6px;
  }
  .link-row input {
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 4px 6px;
    background: var(--_bg);
    font-size: 12.5px;
  }

  /* Code -------------------------------------------------------------------------------------- */
  .code-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin-bottom: 8px;
  }
  .code-bar .panel-title {
    margin: 0;
  }
  .editor {
    display: flex;
    flex: 1;
    min-height: 320px;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    font-family: var(--_mono);
    font-size: 12.5px;
    line-height: 1.6;
  }
  .editor:focus-within {
    box-shadow: var(--_focus);
  }
  .gutter-clip {
    flex: none;
    width: 3.4em;
    overflow: hidden;
    border-right: 1px solid var(--_border);
    color: var(--_muted);
    text-align: right;
    user-select: none;
  }
  .gutter {
    margin: 0;
    padding: 10px 8px 10px 0;
    font: inherit;
    line-height: inherit;
  }
  .error-line {
    color: var(--_danger);
    font-weight: 700;
  }
  textarea.code {
    flex: 1;
    min-width: 0;
    margin: 0;
    border: 0;
    padding: 10px 12px;
    resize: none;
    background: transparent;
    font: inherit;
    line-height: inherit;
    white-space: pre;
    overflow: auto;
    tab-size: 2;
  }
  textarea.code:focus-visible {
    box-shadow: none;
  }
  .code-error {
    margin-top: 8px;
    border: 1px solid var(--_danger);
    border-radius: 8px;
    padding: 8px 12px;
    background: var(--_danger-bg);
  }
  .code-error p {
    margin: 0 0 6px;
  }
  .code-error p:first-child {
    color: var(--_danger);
    font-weight: 600;
  }

  /* Preview ----------------------------------------------------------------------------------- */
  .preview.inline.with-events {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(240px, 34%);
    gap: 12px;
  }
  .stage {
    position: relative;
    height: var(--_stage-height);
    overflow: hidden;
    border: 1px dashed var(--_border);
    border-radius: 12px;
    background: radial-gradient(circle at 1px 1px, var(--_border) 1px, transparent 0) 0 0 / 18px 18px, var(--_surface);
  }
  .stage-note {
    position: absolute;
    inset: 0 0 auto;
    display: grid;
    justify-items: center;
    gap: 8px;
    padding: 24px;
    color: var(--_muted);
    text-align: center;
  }
  .stage-note p {
    margin: 0;
    padding: 4px 10px;
    border-radius: 6px;
    background: var(--_bg);
  }
  .timeline {
    display: flex;
    flex-direction: column;
    min-width: 0;
    height: var(--_stage-height);
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: 12px;
    padding: 10px 12px;
    background: var(--_bg);
  }
  .preview.page .timeline {
    height: 320px;
  }
  .timeline p {
    margin: 0 0 6px;
  }
  .events {
    flex: 1;
    overflow: auto;
    margin: 0;
    padding: 0;
    list-style: none;
    font-family: var(--_mono);
    font-size: 11.5px;
    line-height: 1.5;
  }
  .events li {
    padding: 3px 0;
    border-bottom: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .events .at {
    color: var(--_muted);
  }
  .events .name {
    font-weight: 600;
  }
  .events .event .name {
    color: var(--_accent);
  }
  .events .detail {
    color: var(--_muted);
  }

`;
