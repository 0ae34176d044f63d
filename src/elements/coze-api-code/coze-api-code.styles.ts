import { css } from 'lit';
import { privateDarkTokens, privateTokens, visuallyHidden } from '../../styles/host.js';

/** Dark values of the private variables, used when no provider sets the public tokens. */
const darkFallbacks = css`
    ${privateDarkTokens}
    --_code-bg: var(--coze-code-bg, #24292e);
    --_code-text: var(--coze-code-text, #e1e4e8);
    color-scheme: dark;
`;

export const styles = css`
  :host {
    ${privateTokens}
    --_code-bg: var(--coze-code-bg, #ffffff);
    --_code-text: var(--coze-code-text, #24292e);
    --_code-height: var(--coze-code-max-height, 420px);
    display: block;
    color: var(--_text);
    font-family: var(--coze-font-sans, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', sans-serif);
    font-size: 14px;
  }
  /* Outside a provider the dark theme still needs its own fallbacks. */
  :host([data-theme='dark']) {
    ${darkFallbacks}
  }
  @media (prefers-color-scheme: dark) {
    :host([data-theme='auto']) {
      ${darkFallbacks}
    }
  }
  [hidden] {
    display: none !important;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_bg);
  }
  .header {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
  }
  h2 {
    margin: 0;
    font-size: 15px;
    font-weight: 600;
    flex: 1 1 auto;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  button {
    font: inherit;
    font-size: 13px;
    line-height: 20px;
    padding: 4px 12px;
    border-radius: 6px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
  }
  button:hover:not(:disabled):not([aria-disabled='true']) {
    border-color: var(--_accent);
  }
  button:focus-visible,
  [role='tab']:focus-visible,
  pre:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [part='run'] {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-width: 72px;
    justify-content: center;
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  [part='run'][aria-disabled='true'] {
    cursor: progress;
    opacity: 0.85;
  }
  [part='stop'] {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .spinner {
    width: 12px;
    height: 12px;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-right-color: transparent;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-right-color: currentColor;
      opacity: 0.6;
    }
  }
  .no-run {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
    font-size: 12px;
  }
  [part='tabs'] {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    border-bottom: 1px solid var(--_border);
  }
  [part~='tab'] {
    flex: none;
    border: none;
    border-bottom: 2px solid transparent;
    border-radius: 4px 4px 0 0;
    background: transparent;
    color: var(--_muted);
    padding: 6px 10px;
    margin-bottom: -1px;
  }
  [part~='tab'][aria-selected='true'] {
    color: var(--_text);
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  .toolbar {
    display: flex;
    align-items: center;
    gap: 8px 12px;
    flex-wrap: wrap;
  }
  fieldset {
    display: flex;
    align-items: center;
    gap: 4px;
    margin: 0;
    padding: 0;
    border: none;
    min-width: 0;
    flex-wrap: wrap;
  }
  legend {
    float: left;
    margin-right: 4px;
    padding: 0;
    color: var(--_muted);
    font-size: 12px;
  }
  .segment {
    position: relative;
    display: inline-flex;
  }
  .segment input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .segment span {
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 12px;
    line-height: 20px;
    color: var(--_text);
    background: var(--_bg);
  }
  .segment input:checked + span {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
    background: var(--_surface);
  }
  .segment input:focus-visible + span {
    box-shadow: var(--_focus);
  }
  [part='copy'] {
    position: absolute;
    top: 8px;
    right: 8px;
    z-index: 1;
    padding: 2px 10px;
    font-size: 12px;
  }
  [part='code'] {
    position: relative;
    min-height: 64px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_code-bg);
    color: var(--_code-text);
    overflow: hidden;
  }
  [part='code'] pre {
    margin: 0;
    padding: 12px 14px;
    max-height: var(--_code-height);
    overflow: auto;
    font-family: var(--_mono);
    font-size: 12.5px;
    line-height: 1.6;
    tab-size: 4;
    white-space: pre;
    background: var(--_code-bg) !important;
    color: var(--_code-text);
  }
  [part='code'] code {
    font-family: inherit;
  }
  .message {
    margin: 0;
    padding: 12px 14px;
    color: var(--_muted);
  }
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 13px;
  }
  .message.error {
    color: var(--_danger);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    align-items: center;
    color: var(--_muted);
    font-size: 12px;
  }
  .footer code {
    font-family: var(--_mono);
  }
  .warning {
    color: var(--_warning);
    background: var(--_warning-bg);
    border-radius: 4px;
    padding: 0 6px;
  }
  kbd {
    font-family: var(--_mono);
    font-size: 11px;
    padding: 0 4px;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--_surface);
    color: var(--_text);
  }
  .visually-hidden {
    ${visuallyHidden}
  }
`;
