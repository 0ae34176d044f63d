import { css } from 'lit';
import { visuallyHidden } from '../../styles/host.js';

export const styles = css`
  :host {
    --_seam: var(--coze-playground-seam-width, 10px);
    --_tree-width: var(--coze-playground-tree-width, 300px);
    --_border: var(--coze-color-border, #dee0e3);
    --_surface: var(--coze-color-surface, #f7f8fa);
    --_bg: var(--coze-color-bg, #ffffff);
    display: block;
    position: relative;
    height: var(--coze-playground-height, 100vh);
    min-height: 480px;
    color: var(--coze-color-text, #1f2329);
    background: var(--_bg);
    font-family: var(--coze-font-sans, system-ui, sans-serif);
  }
  [part='base'] {
    display: grid;
    grid-template-columns: var(--_seam) minmax(320px, 1fr) minmax(360px, 1fr);
    height: 100%;
  }
  :host([pinned]) [part='base'] {
    grid-template-columns: var(--_tree-width) minmax(320px, 1fr) minmax(360px, 1fr);
  }
  [part='seam'] {
    position: relative;
    border-right: 1px solid var(--_border);
    background: var(--_surface);
  }
  [part='drawer'] {
    position: absolute;
    inset: 0 auto 0 0;
    width: var(--_tree-width);
    z-index: 5;
    display: flex;
    flex-direction: column;
    background: var(--_bg);
    border-right: 1px solid var(--_border);
    box-shadow: 4px 0 16px rgb(0 0 0 / 12%);
    transform: translateX(-100%);
    transition: transform 160ms ease;
    visibility: hidden;
  }
  :host([tree-open]) [part='drawer'],
  :host([pinned]) [part='drawer'] {
    transform: none;
    visibility: visible;
  }
  :host([pinned]) [part='drawer'] {
    position: relative;
    inset: auto;
    width: auto;
    height: 100%;
    box-shadow: none;
  }
  .drawer-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 8px 10px;
    border-bottom: 1px solid var(--_border);
    font-weight: 600;
  }
  .drawer-head button {
    font-weight: 400;
    font-size: 12px;
    padding: 2px 8px;
  }
  coze-api-tree {
    flex: 1;
    min-height: 0;
  }
  [part='open-tree'] {
    position: absolute;
    top: 8px;
    left: 2px;
    z-index: 4;
    writing-mode: vertical-rl;
    padding: 8px 2px;
    font-size: 12px;
  }
  :host([pinned]) [part='open-tree'] {
    display: none;
  }
  [part='middle'],
  [part='right'] {
    min-width: 0;
    overflow: auto;
    border-right: 1px solid var(--_border);
  }
  /* One scrolling column: the code panel, then the response below it, each as tall as its content. */
  [part='right'] {
    display: flex;
    flex-direction: column;
    border-right: 0;
  }
  [part='right'] > * {
    flex: none;
    min-width: 0;
    max-width: 100%;
  }
  coze-api-code {
    border-bottom: 1px solid var(--_border);
  }
  coze-api-form,
  coze-api-code,
  coze-api-response {
    display: block;
  }
  /* Shown until the response panel's element loads (at the first run); its shadow root replaces it. */
  .response-placeholder {
    margin: 0;
    padding: 24px 16px;
    color: var(--_muted);
    text-align: center;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--coze-focus-ring, 0 0 0 2px #4d53e8);
  }
  .sr-only {
    ${visuallyHidden}
  }
  @media (max-width: 900px) {
    [part='base'],
    :host([pinned]) [part='base'] {
      grid-template-columns: var(--_seam) 1fr;
      grid-template-rows: auto auto;
      height: auto;
    }
    :host {
      height: auto;
    }
    [part='right'] {
      grid-column: 1 / -1;
    }
  }
`;
