/**
 * First values for the emulator's seeded world, by parameter name: pass them as `presets` to
 * `<coze-playground>` so that every form starts with ids the emulator knows (the demo and the
 * stories do). Plain constants, so a page can use them without loading the emulator;
 * test/node/emulator-presets.test.ts keeps them equal to the seeded data.
 */
export const EMULATOR_PRESETS = {
  bot_id: '7431847190245277732',
  user_id: 'demo-user',
  workspace_id: '7431847011263217676',
  space_id: '7431847011263217676',
  workflow_id: '7431847402117562371',
  voice_id: '7426720361733046281',
  dataset_id: '7363569245306945580',
  connector_uid: 'demo-user',
} as const;

/** The token the demo sends to the emulator (any well-formed token works). */
export const EMULATOR_TOKEN = 'pat_emulator_demo';
