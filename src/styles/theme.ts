/**
 * Design tokens. Public custom properties are `--coze-*`; the provider sets them for light and dark,
 * and every element also carries the light values as fallbacks so it works on its own.
 */
import { css } from 'lit';

export const lightTokens = css`
  --coze-color-bg: #ffffff;
  --coze-color-surface: #f7f8fa;
  --coze-color-text: #1f2329;
  --coze-color-text-muted: #5c6370;
  --coze-color-border: #dee0e3;
  --coze-color-accent: #4d53e8;
  --coze-color-accent-text: #ffffff;
  --coze-color-danger: #c62828;
  --coze-color-danger-bg: #fdecec;
  --coze-color-warning: #8a5a00;
  --coze-color-warning-bg: #fff4d6;
  --coze-color-success: #1b7f3b;
  --coze-focus-ring: 0 0 0 2px #4d53e8;
`;

export const darkTokens = css`
  --coze-color-bg: #17181c;
  --coze-color-surface: #202227;
  --coze-color-text: #e8eaed;
  --coze-color-text-muted: #a3a8b3;
  --coze-color-border: #3a3d45;
  --coze-color-accent: #8f94ff;
  --coze-color-accent-text: #0f1014;
  --coze-color-danger: #ff8a80;
  --coze-color-danger-bg: #3b1f1f;
  --coze-color-warning: #ffd27a;
  --coze-color-warning-bg: #3a3020;
  --coze-color-success: #7ddc9a;
  --coze-focus-ring: 0 0 0 2px #8f94ff;
`;

/** Font stacks with CJK faces, so zh text renders well everywhere. */
export const fontTokens = css`
  --coze-font-sans: system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
  --coze-font-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace;
`;
