import { css, unsafeCSS } from 'lit';
import { privateTokens, visuallyHidden } from '../../styles/host.js';
import { darkTokens } from '../../styles/theme.js';

export const styles = css`
  :host {
    /* Public tokens (inherited from <coze-playground>), light values as fallbacks. */
    ${privateTokens}
    display: block;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_sans);
    font-size: 14px;
    line-height: 1.5;
    container-type: inline-size;
  }
  /* Outside a provider, the element's own theme attribute picks the tokens. */
  :host([theme='dark']) {
    ${darkTokens}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(darkTokens.cssText)}
      color-scheme: dark;
    }
  }
  :host([data-theme='dark']) {
    color-scheme: dark;
  }
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  .base {
    max-width: var(--coze-api-form-max-width, none);
    padding: 16px 20px 24px;
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .sr-only {
    ${visuallyHidden}
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.35;
  }
  h2 {
    font-size: 20px;
    font-weight: 600;
  }
  h3 {
    font-size: 15px;
    font-weight: 600;
  }
  h4 {
    font-size: 13px;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  p {
    margin: 0;
  }
  code,
  .mono {
    font-family: var(--_mono);
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  summary:focus-visible,
  pre:focus-visible,
  [tabindex='-1']:focus {
    outline: none;
    box-shadow: var(--_focus);
  }

  /* Buttons ---------------------------------------------------------------------------------- */
  button {
    font: inherit;
    font-size: 13px;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 3px 10px;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
    font-weight: 600;
    padding: 6px 20px;
    font-size: 14px;
  }
  button.link {
    border: none;
    background: none;
    padding: 0 2px;
    color: var(--_accent);
    font-size: 12px;
  }
  button.link.danger {
    color: var(--_danger);
  }
  button.add {
    align-self: flex-start;
    border-style: dashed;
    color: var(--_accent);
  }
  button.chip {
    font-family: var(--_mono);
    font-size: 12px;
    padding: 0 8px;
    border-radius: 999px;
    background: var(--_surface);
  }

  /* Header ----------------------------------------------------------------------------------- */
  .header {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .badge {
    display: inline-block;
    font-size: 12px;
    font-weight: 600;
    line-height: 20px;
    padding: 0 8px;
    border-radius: 4px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_muted);
  }
  .badge.method {
    font-family: var(--_mono);
    color: var(--_accent);
    border-color: currentColor;
  }
  .badge.method[data-method='GET'] {
    color: var(--_success);
  }
  .badge.method[data-method='DELETE'] {
    color: var(--_danger);
  }
  .badge.method[data-method='PUT'],
  .badge.method[data-method='PATCH'] {
    color: var(--_warning);
  }
  .url code {
    display: inline-block;
    font-size: 13px;
    padding: 4px 8px;
    border-radius: 6px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .url .url-base {
    color: var(--_muted);
  }
  .url .path-param {
    color: var(--_accent);
  }
  .summary {
    font-weight: 500;
  }
  .description,
  .permission,
  .doc,
  .hint {
    color: var(--_muted);
    font-size: 13px;
  }
  .notes {
    border-left: 3px solid var(--_border);
    padding: 2px 0 2px 12px;
  }
  .notes h3 {
    font-size: 13px;
  }
  .notes ul {
    margin: 4px 0 0;
    padding-left: 18px;
    font-size: 13px;
    color: var(--_muted);
  }
  .notes li + li {
    margin-top: 4px;
  }
  .doc-link {
    font-size: 13px;
  }

  /* Warnings, notices, problems ------------------------------------------------------------ */
  .warnings,
  .notices,
  .problems,
  .explain,
  .locked {
    border-radius: 8px;
    padding: 10px 14px;
    font-size: 13px;
  }
  .warnings {
    background: var(--_warning-bg);
    color: var(--_text);
    border: 1px solid var(--_warning);
  }
  .warnings ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .warnings .icon {
    display: inline-block;
    width: 1.4em;
    color: var(--_warning);
    font-weight: 700;
  }
  .notices {
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .notices p {
    display: flex;
    gap: 8px;
    align-items: baseline;
    justify-content: space-between;
  }
  .problems {
    background: var(--_danger-bg);
    border: 1px solid var(--_danger);
  }
  .problems h3 {
    font-size: 14px;
    color: var(--_danger);
  }
  .problems ul {
    margin: 6px 0 0;
    padding-left: 18px;
  }
  .problems a {
    color: var(--_text);
  }
  .explain {
    background: var(--_surface);
    border: 1px solid var(--_border);
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .locked {
    background: var(--_warning-bg);
    border: 1px solid var(--_warning);
    margin-bottom: 8px;
  }
  .placeholder {
    color: var(--_muted);
    padding: 24px 0;
    text-align: center;
  }
  .placeholder.error {
    color: var(--_danger);
  }

  /* Sections --------------------------------------------------------------------------------- */
  .params,
  .docs-section,
  .history {
    display: flex;
    flex-direction: column;
    gap: 10px;
    border-top: 1px solid var(--_border);
    padding-top: 14px;
  }
  .section-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
  }
  .head-actions {
    display: flex;
    gap: 6px;
  }
  .location {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .location > h4 {
    margin: 4px 0;
  }

  /* Fields ----------------------------------------------------------------------------------- */
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 10px 0;
    border-bottom: 1px dashed var(--_border);
    min-width: 0;
  }
  .label-row {
    display: flex;
    align-items: baseline;
    gap: 8px;
    flex-wrap: wrap;
  }
  .name {
    font-family: var(--_mono);
    font-weight: 600;
    font-size: 13px;
  }
  .req {
    color: var(--_danger);
    margin-left: 2px;
    font-weight: 700;
  }
  .type {
    font-family: var(--_mono);
    font-size: 12px;
    color: var(--_muted);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 10px;
    font-size: 12px;
    color: var(--_muted);
  }
  .meta p {
    overflow-wrap: anywhere;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    align-items: center;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: 13px;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 5px 8px;
    width: 100%;
    min-width: 0;
  }
  input.mono,
  textarea.mono {
    font-family: var(--_mono);
  }
  select {
    width: auto;
    min-width: 12em;
    max-width: 100%;
    align-self: flex-start;
  }
  textarea {
    resize: vertical;
  }
  input:hover,
  select:hover,
  textarea:hover {
    border-color: var(--_muted);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  input[type='file'] {
    border-style: dashed;
    padding: 6px;
  }
  .error {
    color: var(--_danger);
    font-size: 12px;
  }
  .file {
    display: flex;
    flex-direction: column;
    gap: 4px;
    align-items: flex-start;
  }
  .file-status {
    font-size: 12px;
    color: var(--_muted);
  }
  .file-status.warn {
    color: var(--_warning);
  }

  /* Groups: objects and arrays ------------------------------------------------------------- */
  fieldset {
    margin: 0;
    min-width: 0;
  }
  fieldset.group {
    border: none;
    padding: 10px 0;
  }
  fieldset.group > legend {
    float: left;
    width: 100%;
    display: flex;
    align-items: baseline;
    gap: 8px;
    padding: 0;
  }
  fieldset.group > legend + * {
    clear: both;
  }
  .disclosure {
    border: none;
    background: none;
    padding: 0 4px 0 0;
    display: inline-flex;
    align-items: baseline;
    gap: 4px;
    color: var(--_text);
  }
  .chevron::before {
    content: '▸';
    display: inline-block;
    width: 1em;
    color: var(--_muted);
    transition: transform 0.15s;
  }
  .disclosure[aria-expanded='true'] .chevron::before {
    transform: rotate(90deg);
  }
  .group-body {
    margin: 6px 0 0 6px;
    padding-left: 12px;
    border-left: 2px solid var(--_border);
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .count {
    color: var(--_muted);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .item {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 6px 10px;
    background: var(--_surface);
  }
  .item .field {
    border-bottom-color: var(--_border);
  }
  .item .field:last-child {
    border-bottom: none;
  }
  .item-head {
    display: flex;
    justify-content: space-between;
    font-size: 12px;
    color: var(--_muted);
    font-weight: 600;
  }
  .map {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .map-head,
  .map-row {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto;
    gap: 6px;
    align-items: start;
  }
  .map-head {
    font-size: 12px;
    color: var(--_muted);
  }
  .map-row > button {
    margin-top: 6px;
  }
  .body-fields {
    border: none;
    padding: 0;
  }
  .body-fields:disabled {
    opacity: 0.6;
  }

  /* Token ------------------------------------------------------------------------------------ */
  .token .name {
    font-family: var(--_sans);
  }
  .file-status:empty {
    display: none;
  }
  .token-row {
    display: flex;
    gap: 6px;
  }
  .token-row input {
    flex: 1;
  }
  .token-row button[aria-pressed='true'] {
    background: var(--_surface);
    border-color: var(--_accent);
  }

  /* Body tabs and JSON editor ------------------------------------------------------------ */
  .tabs {
    display: flex;
    gap: 2px;
    border-bottom: 1px solid var(--_border);
    margin-bottom: 4px;
  }
  [role='tab'] {
    border: none;
    border-bottom: 2px solid transparent;
    border-radius: 0;
    background: none;
    padding: 4px 12px;
    color: var(--_muted);
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_accent);
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  .json-editor {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .editor-frame {
    display: flex;
    border: 1px solid var(--_border);
    border-radius: 6px;
    overflow: hidden;
    background: var(--_bg);
  }
  .editor-frame.invalid {
    border-color: var(--_danger);
  }
  .editor-frame:focus-within {
    box-shadow: var(--_focus);
  }
  .gutter {
    position: relative;
    flex: none;
    overflow: hidden;
    background: var(--_surface);
    border-right: 1px solid var(--_border);
    color: var(--_muted);
    user-select: none;
  }
  .gutter pre {
    margin: 0;
    padding: 8px 8px 8px 10px;
    font: 12px/var(--_lh) var(--_mono);
    text-align: right;
    min-width: 3.2em;
  }
  .error-line {
    position: absolute;
    left: 0;
    right: 0;
    height: var(--_lh);
    background: var(--_danger);
    opacity: 0.25;
  }
  .json-editor textarea {
    border: none;
    border-radius: 0;
    padding: 8px 10px;
    font: 12px/var(--_lh) var(--_mono);
    white-space: pre;
    overflow: auto;
    flex: 1;
    resize: vertical;
    box-shadow: none;
  }
  .json-editor textarea:focus-visible {
    box-shadow: none;
  }
  .json-foot {
    display: flex;
    align-items: flex-start;
    gap: 8px;
  }
  .json-foot > :first-child {
    flex: 1;
  }
  .json-foot .hint {
    flex: 1;
  }
  .json-error:empty {
    display: none;
  }

  /* Run -------------------------------------------------------------------------------------- */
  .run-bar {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
    padding-top: 6px;
  }

  /* Docs ------------------------------------------------------------------------------------- */
  .doc-fields {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .doc-fields .doc-fields {
    margin-left: 8px;
    padding-left: 12px;
    border-left: 2px solid var(--_border);
  }
  .doc-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 2px 8px;
    padding: 5px 0;
    border-bottom: 1px dashed var(--_border);
  }
  .doc-row .doc {
    flex-basis: 100%;
  }
  summary.doc-row {
    cursor: pointer;
    list-style: none;
    position: relative;
    padding-left: 1.3em;
  }
  summary.doc-row::-webkit-details-marker {
    display: none;
  }
  summary.doc-row::before {
    content: '▸';
    color: var(--_muted);
    position: absolute;
    left: 0.1em;
    transition: transform 0.15s;
  }
  details[open] > summary.doc-row::before {
    transform: rotate(90deg);
  }
  li.doc-field > .doc-row {
    padding-left: 1.3em;
  }
  .sample {
    margin: 0;
    padding: 10px 12px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    font: 12px/1.5 var(--_mono);
    overflow: auto;
    max-height: 420px;
  }

  /* History ---------------------------------------------------------------------------------- */
  .runs {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .run-item {
    width: 100%;
    display: grid;
    grid-template-columns: auto 1fr auto auto;
    gap: 12px;
    align-items: center;
    text-align: left;
    padding: 6px 10px;
    background: var(--_bg);
  }
  .run-item.current {
    border-color: var(--_accent);
    background: var(--_surface);
  }
  .run-item .when {
    font-family: var(--_mono);
    font-size: 12px;
    color: var(--_muted);
  }
  .run-item .status.ok {
    color: var(--_success);
  }
  .run-item .status.bad {
    color: var(--_danger);
  }
  .run-item .duration {
    font-family: var(--_mono);
    font-size: 12px;
    color: var(--_muted);
  }

  @container (min-width: 640px) {
    .base {
      padding: 20px 28px 28px;
    }
  }
`;
