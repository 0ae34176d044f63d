import { css, unsafeCSS } from 'lit';
import { privateTokens, visuallyHidden } from '../../styles/host.js';
import { darkTokens } from '../../styles/theme.js';

/** Method and badge colours that read well (≥ 4.5:1) on the light and dark backgrounds. */
const darkBadges = css`
  --_get: #7ddc9a;
  --_post: #a9adff;
  --_put: #ffd27a;
  --_delete: #ff8a80;
  --_patch: #d7b0ff;
  --_ws: #6fd6e4;
  --_callback: #ffb26b;
  --_doc: #b4b9c3;
  --_mark-bg: #6b5600;
  --_mark-text: #fff6d5;
  --_selected-mix: 22%;
`;

export const styles = css`
  :host {
    --_indent: var(--coze-api-tree-indent, 16px);
    --_badge-width: var(--coze-api-tree-badge-width, 48px);
    ${privateTokens}
    --_ring: var(--_focus);
    --_get: #11602f;
    --_post: #3035b0;
    --_put: #774c00;
    --_delete: #a11f18;
    --_patch: #633b97;
    --_ws: #085a66;
    --_callback: #8a4300;
    --_doc: #535964;
    --_mark-bg: #ffe27a;
    --_mark-text: #1f2329;
    --_selected-mix: 12%;

    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--coze-font-sans, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif);
    font-size: 14px;
    line-height: 1.4;
  }
  /* Outside a provider, the element's own theme attribute brings the dark tokens. */
  :host([theme='dark']) {
    ${darkTokens}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(darkTokens.cssText)}
      color-scheme: dark;
    }
    :host([data-theme='auto']) {
      ${unsafeCSS(darkBadges.cssText)}
    }
  }
  :host([data-theme='dark']) {
    ${darkBadges}
  }

  :host([hidden]) {
    display: none;
  }
  /* With a height (its own, or from a flex or grid parent), the tree scrolls under the search box. */
  .base {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-height: 0;
  }

  /* Search ---------------------------------------------------------------------------------- */
  .search {
    position: relative;
    padding: 8px 8px 0;
  }
  .search-icon {
    position: absolute;
    left: 18px;
    top: calc(8px + 16px);
    width: 14px;
    height: 14px;
    transform: translateY(-50%);
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.6;
    stroke-linecap: round;
    pointer-events: none;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    height: 32px;
    padding: 0 8px 0 30px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 13px;
  }
  input::placeholder {
    color: var(--_muted);
  }
  input:focus-visible {
    outline: none;
    border-color: var(--_accent);
    box-shadow: var(--_ring);
  }
  .count {
    min-height: 16px;
    padding: 4px 12px 2px;
    font-size: 12px;
    color: var(--_muted);
  }

  /* Tree ------------------------------------------------------------------------------------ */
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0 4px 8px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='tree'] {
    padding: 2px;
  }
  li[role='treeitem'] {
    outline: none;
  }
  /* Off-screen entry rows skip layout and paint (thousands may be rendered after a long scroll). */
  li[data-kind] {
    content-visibility: auto;
    contain-intrinsic-size: auto 32px;
    /* content-visibility clips paint to the row; leave room for the focus ring. */
    overflow-clip-margin: 4px;
  }
  .row {
    position: relative;
    display: flex;
    align-items: center;
    gap: 8px;
    box-sizing: border-box;
    min-height: 32px;
    padding: 4px 8px;
    border-radius: 6px;
    cursor: pointer;
    user-select: none;
  }
  li[aria-level='2'] > .row {
    padding-inline-start: calc(8px + var(--_indent));
  }
  li[aria-level='3'] > .row {
    padding-inline-start: calc(8px + 2 * var(--_indent));
  }
  li[aria-level='4'] > .row {
    padding-inline-start: calc(8px + 3 * var(--_indent));
  }
  .row:hover {
    background: var(--_surface);
  }
  li[role='treeitem']:focus-visible > .row {
    box-shadow: var(--_ring);
  }
  .group-row {
    gap: 6px;
    font-weight: 600;
  }
  .chevron {
    flex: none;
    width: 12px;
    height: 12px;
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
    transition: transform 0.12s ease;
  }
  li[aria-expanded='true'] > .row > .chevron {
    transform: rotate(90deg);
  }
  .title {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .group-row .title {
    flex: 1 1 auto;
  }
  .size {
    flex: none;
    font-size: 12px;
    font-weight: 400;
    color: var(--_muted);
  }
  .text {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-width: 0;
  }
  .detail {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 12px;
    color: var(--_muted);
  }
  .mono {
    font-family: var(--coze-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace);
  }
  .selected > .row {
    background: color-mix(in srgb, var(--_accent) var(--_selected-mix), var(--_bg));
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .selected > .row .title {
    font-weight: 600;
  }
  li.selected:focus-visible > .row {
    box-shadow: var(--_ring), inset 3px 0 0 var(--_accent);
  }
  .external {
    flex: none;
    width: 12px;
    height: 12px;
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  mark {
    border-radius: 2px;
    background: var(--_mark-bg);
    color: var(--_mark-text);
  }

  /* Badges ---------------------------------------------------------------------------------- */
  .badge {
    --_m: var(--_doc);
    flex: none;
    box-sizing: border-box;
    width: var(--_badge-width);
    border-radius: 4px;
    color: var(--_m);
    background: color-mix(in srgb, var(--_m) 12%, transparent);
    font: 700 10.5px/18px var(--coze-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    text-align: center;
    letter-spacing: 0.02em;
  }
  .badge[data-method='GET'] {
    --_m: var(--_get);
  }
  .badge[data-method='POST'] {
    --_m: var(--_post);
  }
  .badge[data-method='PUT'] {
    --_m: var(--_put);
  }
  .badge[data-method='DELETE'] {
    --_m: var(--_delete);
  }
  .badge[data-method='PATCH'] {
    --_m: var(--_patch);
  }
  .badge[data-method='WS'] {
    --_m: var(--_ws);
  }
  /* Callbacks and doc pages: a small outlined badge, so they never look runnable. */
  .badge.kind {
    border: 1px dashed currentColor;
    background: transparent;
    font-family: inherit;
    font-size: 11px;
    font-weight: 600;
    line-height: 16px;
  }
  .badge.kind[data-kind='callback'] {
    --_m: var(--_callback);
  }

  /* States ---------------------------------------------------------------------------------- */
  .note {
    margin: 12px;
    color: var(--_muted);
    font-size: 13px;
  }
  .empty {
    margin: 16px 12px;
    text-align: center;
  }
  .empty-title {
    margin: 0 0 4px;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .empty-hint {
    margin: 0 0 12px;
    font-size: 12px;
    color: var(--_muted);
  }
  button {
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    font-size: 13px;
    cursor: pointer;
  }
  button:hover {
    background: var(--_surface);
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--_ring);
  }
  .visually-hidden {
    ${visuallyHidden}
  }
`;
