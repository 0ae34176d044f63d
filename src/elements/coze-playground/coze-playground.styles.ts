import { css, unsafeCSS } from 'lit';
import { darkTokens, fontTokens, lightTokens } from '../../styles/theme.js';

export const styles = css`
  :host {
    ${lightTokens}
    ${fontTokens}
    display: block;
    color: var(--coze-color-text);
    background: var(--coze-color-bg);
    font-family: var(--coze-font-sans);
    color-scheme: light;
  }
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
  [part='error'] {
    margin: 12px;
    padding: 12px 16px;
    border: 1px solid var(--coze-color-danger);
    border-radius: 8px;
    background: var(--coze-color-danger-bg);
    color: var(--coze-color-text);
  }
  [part='error'] h2 {
    margin: 0 0 6px;
    font-size: 15px;
    color: var(--coze-color-danger);
  }
  [part='error'] ul {
    margin: 6px 0 10px;
    padding-left: 20px;
    max-height: 240px;
    overflow: auto;
  }
  [part='error'] code {
    font-family: var(--coze-font-mono);
    font-size: 12px;
    overflow-wrap: anywhere;
  }
  [part='error'] p {
    margin: 4px 0;
    overflow-wrap: anywhere;
  }
  button {
    font: inherit;
    padding: 4px 12px;
    border-radius: 6px;
    border: 1px solid var(--coze-color-border);
    background: var(--coze-color-bg);
    color: var(--coze-color-text);
    cursor: pointer;
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--coze-focus-ring);
  }
`;
