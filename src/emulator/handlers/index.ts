/**
 * Emulated behaviour, by area. Each module exports `handlers` (by catalogue id, or `METHOD /path`
 * for routes outside the catalogue) and may export `seed` to add its starting data.
 */
import type { HandlerMap } from '../context.js';
import type { EmulatorState } from '../state.js';
import * as chat from './chat.js';
import * as account from './account.js';
import * as workflows from './workflows.js';
import * as files from './files.js';
import * as datasets from './datasets.js';
import * as audio from './audio.js';
import * as variables from './variables.js';

type Seeder = (state: EmulatorState) => void;

const modules: Array<{ handlers: HandlerMap; seed?: Seeder }> = [chat, account, workflows, files, datasets, audio, variables];

export const handlers: HandlerMap = Object.assign({}, ...modules.map((m) => m.handlers));
export const seeders: Seeder[] = modules.flatMap((m) => (m.seed ? [m.seed] : []));
