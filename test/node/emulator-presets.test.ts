/** The demo's presets name things the emulator really has. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEEDED_VOICES } from '../../src/emulator/handlers/audio.js';
import { SEEDED_DATASETS } from '../../src/emulator/handlers/datasets.js';
import { SEEDED_WORKFLOWS } from '../../src/emulator/handlers/workflows.js';
import { createEmulator } from '../../src/emulator/index.js';
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../../src/emulator/presets.js';
import { SEEDED } from '../../src/emulator/seed.js';

test('presets match the seeded ids', () => {
  const emulator = createEmulator();
  assert.equal(EMULATOR_PRESETS.bot_id, SEEDED.assistantBotId);
  assert.equal(EMULATOR_PRESETS.workflow_id, SEEDED_WORKFLOWS.echoWorkflowId);
  assert.equal(EMULATOR_PRESETS.voice_id, SEEDED_VOICES.cheerfulBoy);
  assert.equal(EMULATOR_PRESETS.dataset_id, SEEDED_DATASETS.textDatasetId);
  assert.equal(EMULATOR_PRESETS.workspace_id, emulator.state.workspaceId);
  assert.equal(EMULATOR_PRESETS.space_id, emulator.state.workspaceId);
});

test('the demo token is accepted', async () => {
  const emulator = createEmulator();
  const response = await emulator.fetch('http://emulator.test/v1/users/me', { headers: { authorization: `Bearer ${EMULATOR_TOKEN}` } });
  assert.equal(((await response.json()) as { code: number }).code, 0);
});
