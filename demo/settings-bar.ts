/**
 * Demo code: a bar that switches the page between the local emulator and the real Coze API (region or
 * base URL, and a token), and sets the language and theme of every provider on the page.
 */
import { css, html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../src/define/define.js';
import type { CozePlayground } from '../src/elements/coze-playground/coze-playground.js';
import cozeTheme from '../themes/coze.css?inline';
import neutralTheme from '../themes/neutral.css?inline';
import { applyMode } from './setup.js';

/** The shipped themes (CSS files of `--coze-*` custom properties); "default" is the elements' own look. */
const PALETTES = { default: '', coze: cozeTheme, neutral: neutralTheme } as const;
type Palette = keyof typeof PALETTES;

const TEXT = {
  'zh-CN': { title: 'Coze API Playground 组件演示', target: '目标', emulator: '本地模拟器（无需令牌）', coze: '真实扣子 API', region: '区域', base: '自定义基础 URL（可选）', token: '个人访问令牌', apply: '应用', lang: 'English', dark: '深色', light: '浅色', pages: '页面', full: '完整 Playground', docs: '文档试用面板', console: '自定义控制台', landing: '落地页聊天', catalog: 'API 目录', note: '令牌只保存在内存中。', palette: '配色', default: '默认', cozeLook: '扣子', neutral: '中性' },
  en: { title: 'Coze API Playground elements demo', target: 'Target', emulator: 'Local emulator (no token)', coze: 'Real Coze API', region: 'Region', base: 'Custom base URL (optional)', token: 'Personal access token', apply: 'Apply', lang: '中文', dark: 'Dark', light: 'Light', pages: 'Pages', full: 'Full playground', docs: 'Docs try-it panel', console: 'Custom console', landing: 'Landing chat', catalog: 'Catalogue', note: 'The token stays in memory only.', palette: 'Look', default: 'Default', cozeLook: 'Coze', neutral: 'Neutral' },
} as const;

class DemoSettingsBar extends LitElement {
  static override styles = css`
    :host { display: block; border-bottom: 1px solid var(--coze-color-border, #dee0e3); background: var(--coze-color-surface, #f7f8fa); color: var(--coze-color-text, #1f2329); font: 13px system-ui, 'Noto Sans CJK SC', sans-serif; }
    form { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; padding: 8px 14px; }
    strong { font-size: 14px; margin-right: 6px; }
    nav { display: flex; gap: 10px; }
    a { color: var(--coze-color-accent, #4d53e8); }
    a[aria-current='page'] { font-weight: 600; text-decoration: none; }
    fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 8px; align-items: center; }
    input, select, button { font: inherit; color: inherit; background: var(--coze-color-bg, #fff); border: 1px solid var(--coze-color-border, #dee0e3); border-radius: 6px; padding: 3px 8px; }
    input:focus-visible, select:focus-visible, button:focus-visible, a:focus-visible { outline: none; box-shadow: var(--coze-focus-ring, 0 0 0 2px #4d53e8); }
    .spacer { flex: 1; }
    small { color: var(--coze-color-text-muted, #5c6370); }
  `;

  @state() private mode: 'emulator' | 'coze' = 'emulator';
  @state() private language: 'zh-CN' | 'en' = (new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN');
  @state() private theme: 'light' | 'dark' = new URLSearchParams(location.search).get('theme') === 'dark' ? 'dark' : 'light';
  @state() private palette: Palette = (new URLSearchParams(location.search).get('palette') as Palette | null) ?? 'default';

  override connectedCallback(): void {
    super.connectedCallback();
    this.applyDisplay();
  }

  private providers(): CozePlayground[] {
    return [...document.querySelectorAll('coze-playground')] as CozePlayground[];
  }

  private applyDisplay(): void {
    document.documentElement.lang = this.language;
    document.documentElement.dataset['theme'] = this.theme;
    for (const p of this.providers()) {
      p.lang = this.language;
      p.theme = this.theme;
    }
    for (const el of document.querySelectorAll('[data-demo-lang]')) (el as HTMLElement).hidden = (el as HTMLElement).dataset['demoLang'] !== this.language;
    let sheet = document.getElementById('demo-palette');
    if (!sheet) document.head.append((sheet = Object.assign(document.createElement('style'), { id: 'demo-palette' })));
    sheet.textContent = PALETTES[this.palette] ?? '';
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    if (this.mode === 'emulator') void applyMode({ kind: 'emulator' });
    else void applyMode({ kind: 'coze', region: form.get('region') === 'com' ? 'com' : 'cn', baseUrl: String(form.get('base') ?? '').trim(), token: String(form.get('token') ?? '').trim() });
  }

  protected override render() {
    const t = TEXT[this.language];
    const here = location.pathname.split('/').pop() || 'index.html';
    const page = (href: string, label: string) => html`<a href=${href} aria-current=${here === href ? 'page' : 'false'}>${label}</a>`;
    return html`<form @submit=${this.onSubmit} aria-label=${t.title}>
      <strong>${t.title}</strong>
      <nav aria-label=${t.pages}>${page('index.html', t.full)} ${page('docs.html', t.docs)} ${page('console.html', t.console)} ${page('landing.html', t.landing)} ${page('catalog.html', t.catalog)}</nav>
      <span class="spacer"></span>
      <fieldset>
        <label><input type="radio" name="mode" value="emulator" .checked=${this.mode === 'emulator'} @change=${() => (this.mode = 'emulator')} /> ${t.emulator}</label>
        <label><input type="radio" name="mode" value="coze" .checked=${this.mode === 'coze'} @change=${() => (this.mode = 'coze')} /> ${t.coze}</label>
      </fieldset>
      ${this.mode === 'coze'
        ? html`<fieldset>
            <label>${t.region} <select name="region"><option value="cn">cn · api.coze.cn</option><option value="com">com · api.coze.com</option></select></label>
            <input name="base" type="url" placeholder=${t.base} aria-label=${t.base} size="22" />
            <input name="token" type="password" autocomplete="off" placeholder=${t.token} aria-label=${t.token} size="18" />
            <small>${t.note}</small>
          </fieldset>`
        : ''}
      <button type="submit">${t.apply}</button>
      <button type="button" @click=${() => ((this.language = this.language === 'en' ? 'zh-CN' : 'en'), this.applyDisplay())}>${t.lang}</button>
      <button type="button" @click=${() => ((this.theme = this.theme === 'dark' ? 'light' : 'dark'), this.applyDisplay())}>${this.theme === 'dark' ? t.light : t.dark}</button>
      <label
        >${t.palette}
        <select @change=${(e: Event) => ((this.palette = (e.target as HTMLSelectElement).value as Palette), this.applyDisplay())}>
          ${(['default', 'coze', 'neutral'] as const).map((p) => html`<option value=${p} ?selected=${this.palette === p}>${p === 'default' ? t.default : p === 'coze' ? t.cozeLook : t.neutral}</option>`)}
        </select></label
      >
    </form>`;
  }
}

defineElement('demo-settings-bar', DemoSettingsBar);
