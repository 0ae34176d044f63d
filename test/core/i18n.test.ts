/** Every string exists in both languages, and the lookup fills placeholders the locale's way. */
import { expect } from '@open-wc/testing';
import { msg, registerMessages, toLocale, type MessagePart } from '../../src/i18n/index.js';
import * as catalog from '../../src/i18n/parts/catalog.js';
import * as chat from '../../src/i18n/parts/chat.js';
import * as code from '../../src/i18n/parts/code.js';
import * as form from '../../src/i18n/parts/form.js';
import * as playground from '../../src/i18n/parts/playground.js';
import * as response from '../../src/i18n/parts/response.js';
import * as tree from '../../src/i18n/parts/tree.js';

const parts: Record<string, MessagePart> = { catalog, chat, code, form, playground, response, tree } as unknown as Record<string, MessagePart>;
const HAN = /[\u4e00-\u9fff]/;

describe('strings', () => {
  for (const [name, part] of Object.entries(parts)) {
    it(`${name}: the same keys in en and zh-CN, none empty, placeholders kept`, () => {
      expect(Object.keys(part.zhCN).sort()).to.deep.equal(Object.keys(part.en).sort());
      for (const [key, en] of Object.entries(part.en) as Array<[string, string]>) {
        const zh = (part.zhCN as Record<string, string>)[key]!;
        expect(en.trim(), key).to.not.equal('');
        expect(zh.trim(), key).to.not.equal('');
        // `{{name}}` is the Chat SDK's own footer syntax, shown literally: not a placeholder.
        const holes = (s: string) => [...s.matchAll(/(?<!\{)\{(\w+)\}(?!\})/g)].map((m) => m[1]).sort();
        expect(holes(zh), `${key}: placeholders`).to.deep.equal(holes(en));
      }
      // Chinese sentences are Chinese: only names (Python, TTFB, curl…) may read the same in both languages.
      const untranslated = Object.entries(part.zhCN as Record<string, string>).filter(([key, zh]) => !HAN.test(zh) && zh === (part.en as Record<string, string>)[key] && /[a-z]+ [a-z]+/i.test(zh));
      expect(untranslated.map(([k]) => k)).to.deep.equal([]);
    });
  }

  it('fills placeholders, writing numbers the locale’s way', () => {
    registerMessages(tree);
    expect(msg('en', 'tree.count.all', { count: 5000 })).to.contain('5,000');
    expect(msg('zh-CN', 'tree.count.all', { count: 5000 })).to.match(HAN).and.contain('5,000');
  });

  it('maps lang attributes to a supported locale', () => {
    expect(['zh', 'zh-CN', 'zh-Hans', 'ZH-tw', 'en', 'en-US', 'fr', '', undefined].map((l) => toLocale(l))).to.deep.equal(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'en', 'en', 'en', 'en', 'en']);
  });
});
