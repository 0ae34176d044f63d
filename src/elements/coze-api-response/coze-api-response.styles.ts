import { css } from 'lit';
import { privateDarkTokens, privateTokens, visuallyHidden } from '../../styles/host.js';

/**
 * Public `--coze-*` tokens are read once into private `--_*` variables, with the light values as
 * fallbacks (and the dark ones under `data-theme="dark"`), so that the panel looks right inside a
 * provider (which sets the tokens) and on its own.
 */
/** Dark values of the private variables, for `data-theme="dark"` and for `auto` on a dark system. */
const dark = css`
  ${privateDarkTokens}
  --_j-key: var(--coze-response-json-key, #d7a6ff);
  --_j-string: var(--coze-response-json-string, #7ddc9a);
  --_j-number: var(--coze-response-json-number, #8fb8ff);
  --_j-boolean: var(--coze-response-json-boolean, #ff9cc0);
  --_j-null: var(--coze-response-json-null, #a3a8b3);
  color-scheme: dark;
`;

export const styles = css`
  :host {
    ${privateTokens}
    --_body-height: var(--coze-response-body-height, 440px);
    --_j-key: var(--coze-response-json-key, #7a3e9d);
    --_j-string: var(--coze-response-json-string, #1b7f3b);
    --_j-number: var(--coze-response-json-number, #1750c6);
    --_j-boolean: var(--coze-response-json-boolean, #b4235a);
    --_j-null: var(--coze-response-json-null, #5c6370);
    display: block;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_sans);
    font-size: 14px;
    line-height: 1.5;
  }
  :host([data-theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([data-theme='auto']) {
      ${dark}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 12px 14px;
    min-width: 0;
  }
  .sr-only {
    ${visuallyHidden}
  }
  .head,
  .toolbar,
  .answer-head {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
  }
  .spacer {
    flex: 1;
  }
  .title {
    margin: 0;
    font-size: 15px;
    font-weight: 600;
  }
  .sub {
    margin: 0;
    font-size: 13px;
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
    margin: 0;
  }
  code,
  kbd,
  pre {
    font-family: var(--_mono);
    font-size: 12.5px;
  }
  kbd {
    padding: 0 4px;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--_surface);
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  pre:focus-visible,
  [tabindex]:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  /* Buttons ---------------------------------------------------------------------------------- */
  .btn,
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font: inherit;
    font-size: 13px;
    line-height: 20px;
    padding: 3px 10px;
    border-radius: 6px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
  }
  .btn:hover:not(:disabled),
  .chip:hover {
    border-color: var(--_accent);
  }
  .btn:disabled {
    cursor: default;
    opacity: 0.7;
  }
  .btn.small {
    padding: 0 8px;
    font-size: 12px;
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .btn.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .btn[aria-pressed='true'] {
    background: var(--_surface);
    border-color: var(--_accent);
    color: var(--_text);
    font-weight: 600;
  }
  .seg {
    display: inline-flex;
  }
  .seg .btn:first-child {
    border-radius: 6px 0 0 6px;
  }
  .seg .btn:last-child {
    border-radius: 0 6px 6px 0;
    margin-left: -1px;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .chip {
    border-radius: 999px;
    white-space: normal;
    text-align: left;
  }
  .badge {
    font-size: 12px;
    padding: 0 8px;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    color: var(--_muted);
  }

  /* Empty and pending ------------------------------------------------------------------------ */
  .empty {
    padding: 32px 12px;
    text-align: center;
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: 8px;
  }
  .empty p {
    margin: 4px 0;
  }
  .empty-title {
    color: var(--_text);
    font-weight: 600;
  }
  .spinner {
    width: 14px;
    height: 14px;
    border-radius: 50%;
    border: 2px solid var(--_border);
    border-top-color: var(--_accent);
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner,
    .caret {
      animation: none !important;
    }
  }

  /* Summary ---------------------------------------------------------------------------------- */
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 18px;
    margin: 0;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
  }
  .summary.pending {
    gap: 8px;
  }
  .fact {
    display: flex;
    gap: 6px;
    align-items: baseline;
    min-width: 0;
  }
  .fact dt {
    color: var(--_muted);
    font-size: 12px;
  }
  .fact dd {
    margin: 0;
    display: flex;
    align-items: baseline;
    gap: 6px;
    flex-wrap: wrap;
    min-width: 0;
  }
  .fact.logid code {
    overflow-wrap: anywhere;
  }
  abbr {
    text-decoration: none;
  }
  .status {
    font-weight: 600;
    font-family: var(--_mono);
  }
  .status.success {
    color: var(--_success);
  }
  .status.redirect,
  .status.client {
    color: var(--_warning);
  }
  .status.server {
    color: var(--_danger);
  }
  .live {
    color: var(--_accent);
    font-size: 12px;
  }
  .elapsed {
    font-family: var(--_mono);
    color: var(--_muted);
  }

  /* Error ------------------------------------------------------------------------------------ */
  .error {
    padding: 10px 14px;
    border: 1px solid var(--_danger);
    border-radius: 8px;
    background: var(--_danger-bg);
  }
  .error.stopped {
    border-color: var(--_border);
    background: var(--_warning-bg);
  }
  .error.stopped .error-kind {
    color: var(--_warning);
  }
  .error p {
    margin: 2px 0 6px;
  }
  .error-kind {
    color: var(--_danger);
    font-weight: 600;
    font-size: 13px;
  }
  .error-message {
    font-weight: 600;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 6px 0;
  }
  .facts > div {
    display: contents;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .note {
    margin: 0;
    padding: 6px 10px;
    border-radius: 6px;
    background: var(--_warning-bg);
    color: var(--_text);
  }
  .note.failed {
    background: var(--_danger-bg);
  }

  /* Collapsible sections --------------------------------------------------------------------- */
  .section {
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
  .section > summary {
    cursor: pointer;
    padding: 6px 12px;
    display: flex;
    gap: 8px;
    align-items: baseline;
    min-width: 0;
    border-radius: 8px;
    list-style-position: inside;
  }
  .section > summary::marker {
    color: var(--_muted);
  }
  .section-title {
    font-weight: 600;
    white-space: nowrap;
  }
  .url {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .method {
    font-weight: 600;
    color: var(--_accent);
  }
  .section-body {
    padding: 0 12px 10px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  table.kv {
    border-collapse: collapse;
    width: 100%;
    font-size: 12.5px;
    /* Tables do not inherit colour in quirks mode. */
    color: var(--_text);
  }
  table.kv caption {
    text-align: left;
    color: var(--_muted);
    font-size: 12px;
    padding: 2px 0;
  }
  table.kv th,
  table.kv td {
    text-align: left;
    vertical-align: top;
    padding: 3px 8px;
    border-top: 1px solid var(--_border);
    font-family: var(--_mono);
    overflow-wrap: anywhere;
  }
  table.kv th {
    font-weight: 500;
    color: var(--_muted);
    width: 34%;
  }

  /* Body: code, tree, text ------------------------------------------------------------------- */
  .body {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
  }
  pre.code {
    margin: 0;
    padding: 8px 12px;
    max-height: var(--_body-height);
    overflow: auto;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .v-key,
  .k-key {
    color: var(--_j-key);
  }
  .v-string {
    color: var(--_j-string);
  }
  .v-number {
    color: var(--_j-number);
  }
  .v-boolean {
    color: var(--_j-boolean);
  }
  .v-null {
    color: var(--_j-null);
  }
  .json-tree {
    max-height: var(--_body-height);
    overflow: auto;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    font-family: var(--_mono);
    font-size: 12.5px;
    overflow-anchor: none;
  }
  .row {
    height: 22px;
    line-height: 22px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    cursor: default;
    padding-right: 8px;
  }
  .row:hover {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  .json-tree:focus-visible .row.active,
  .json-tree:focus .row.active {
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
    box-shadow: inset 2px 0 0 var(--_accent);
  }
  .row > span {
    white-space: pre;
  }
  .twisty {
    display: inline-block;
    width: 14px;
    color: var(--_muted);
    text-align: center;
  }
  .k-index {
    color: var(--_muted);
  }
  .p,
  .preview {
    color: var(--_text);
  }
  .count {
    margin-left: 8px;
    color: var(--_muted);
    font-family: var(--_sans);
    font-size: 12px;
  }
  .more {
    color: var(--_accent);
    cursor: pointer;
    font-family: var(--_sans);
  }
  .more-text {
    text-decoration: underline;
  }
  .note + pre,
  .text {
    white-space: pre-wrap;
  }

  /* Audio ------------------------------------------------------------------------------------ */
  .audio-box {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  audio {
    max-width: 100%;
  }

  /* Streams ---------------------------------------------------------------------------------- */
  .answer,
  .tool-form,
  .continuation,
  .events {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
  .continuation {
    border-style: dashed;
  }
  .answer-text,
  .reasoning-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  /* Blocks of a long answer: those out of view skip layout and paint (their last size is kept). */
  .seg {
    content-visibility: auto;
    contain-intrinsic-size: auto 10em;
  }
  .caret {
    display: inline-block;
    width: 7px;
    height: 1em;
    margin-left: 2px;
    vertical-align: text-bottom;
    background: var(--_accent);
    animation: blink 1s steps(2, start) infinite;
  }
  @keyframes blink {
    to {
      visibility: hidden;
    }
  }
  .reasoning {
    border-left: 3px solid var(--_border);
    padding: 2px 10px;
    color: var(--_muted);
    background: var(--_surface);
    border-radius: 0 6px 6px 0;
  }
  .reasoning > summary {
    cursor: pointer;
    font-size: 12.5px;
    font-weight: 600;
    border-radius: 4px;
  }
  .reasoning-text {
    font-size: 13px;
    padding: 4px 0;
  }
  .usage {
    margin: 0;
    font-size: 12px;
    color: var(--_muted);
  }
  .wf-message .node {
    display: inline-block;
    font-size: 12px;
    color: var(--_muted);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 6px;
    margin-bottom: 2px;
  }
  .interrupt {
    padding: 8px 12px;
    border-radius: 6px;
    background: var(--_warning-bg);
  }
  .interrupt p {
    margin: 2px 0;
  }
  .interrupt-title {
    font-weight: 600;
  }
  .tool-call {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .tool-name {
    margin: 0;
  }
  .tool-call label {
    font-size: 13px;
  }
  textarea {
    font-family: var(--_mono);
    font-size: 12.5px;
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_text);
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .problem {
    margin: 0;
    color: var(--_danger);
    font-size: 12.5px;
  }

  /* Event timeline --------------------------------------------------------------------------- */
  .ev-toolbar {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .ev-filter {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    font-size: 13px;
    color: var(--_muted);
  }
  select {
    font: inherit;
    font-size: 13px;
    padding: 2px 6px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_text);
    max-width: 320px;
  }
  .ev-viewport {
    max-height: var(--_body-height);
    overflow: auto;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    overflow-anchor: none;
  }
  .ev-row {
    border-bottom: 1px solid var(--_border);
  }
  .ev-row:not(.open) {
    height: 28px;
    overflow: hidden;
  }
  .ev-head {
    display: flex;
    width: 100%;
    height: 27px;
    align-items: center;
    gap: 10px;
    padding: 0 10px;
    border: 0;
    background: transparent;
    color: var(--_text);
    font: inherit;
    font-size: 12.5px;
    text-align: left;
    cursor: pointer;
    white-space: nowrap;
  }
  .ev-head:hover {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  .ev-head:focus-visible {
    box-shadow: inset var(--_focus);
  }
  .ev-idx {
    color: var(--_muted);
    font-family: var(--_mono);
    min-width: 44px;
  }
  .ev-name {
    font-family: var(--_mono);
    font-weight: 600;
    flex: 0 0 auto;
    min-width: 20em;
  }
  .ev-at {
    font-family: var(--_mono);
    color: var(--_muted);
    min-width: 64px;
    text-align: right;
  }
  .ev-preview {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_muted);
    font-family: var(--_mono);
  }
  .ev-payload {
    margin: 0;
    padding: 6px 12px 8px 64px;
    max-height: 320px;
    overflow: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .ev-none {
    margin: 0;
    padding: 8px 12px;
    color: var(--_muted);
  }
`;
