/**
 * The public `--coze-*` tokens read once into private `--_*` variables, with the light values as
 * fallbacks, for use inside an element's `:host { … }` block. Inside a provider the tokens are set
 * (light or dark); on its own an element falls back to light, or to its `[data-theme='dark']` rules.
 */
import { css } from 'lit';

export const privateTokens = css`
  --_bg: var(--coze-color-bg, #ffffff);
  --_surface: var(--coze-color-surface, #f7f8fa);
  --_text: var(--coze-color-text, #1f2329);
  --_muted: var(--coze-color-text-muted, #5c6370);
  --_border: var(--coze-color-border, #dee0e3);
  --_accent: var(--coze-color-accent, #4d53e8);
  --_accent-text: var(--coze-color-accent-text, #ffffff);
  --_danger: var(--coze-color-danger, #c62828);
  --_danger-bg: var(--coze-color-danger-bg, #fdecec);
  --_warning: var(--coze-color-warning, #8a5a00);
  --_warning-bg: var(--coze-color-warning-bg, #fff4d6);
  --_success: var(--coze-color-success, #1b7f3b);
  --_focus: var(--coze-focus-ring, 0 0 0 2px #4d53e8);
  --_sans: var(--coze-font-sans, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif);
  --_mono: var(--coze-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace);
`;

/** The same private variables with dark fallbacks, for an element's own `[data-theme='dark']` rules. */
export const privateDarkTokens = css`
  --_bg: var(--coze-color-bg, #17181c);
  --_surface: var(--coze-color-surface, #202227);
  --_text: var(--coze-color-text, #e8eaed);
  --_muted: var(--coze-color-text-muted, #a3a8b3);
  --_border: var(--coze-color-border, #3a3d45);
  --_accent: var(--coze-color-accent, #8f94ff);
  --_accent-text: var(--coze-color-accent-text, #0f1014);
  --_danger: var(--coze-color-danger, #ff8a80);
  --_danger-bg: var(--coze-color-danger-bg, #3b1f1f);
  --_warning: var(--coze-color-warning, #ffd27a);
  --_warning-bg: var(--coze-color-warning-bg, #3a3020);
  --_success: var(--coze-color-success, #7ddc9a);
  --_focus: var(--coze-focus-ring, 0 0 0 2px #8f94ff);
`;

/** The declarations of a visually hidden (screen-reader only) element, for a class such as `.sr-only`. */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
`;
