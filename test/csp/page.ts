/**
 * The script of the strict-CSP test page (test/node/csp.test.ts bundles it with every element):
 * registers the elements and gives both providers the emulator's token and seeded ids, as a host
 * page would, from a script file (the page has no inline script).
 */
import '../../src/define/all.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../../src/emulator/presets.js';

for (const provider of document.querySelectorAll<CozePlayground>('coze-playground')) {
  provider.presets = { ...EMULATOR_PRESETS };
  provider.token = EMULATOR_TOKEN;
}
document.body.dataset['ready'] = 'true';
