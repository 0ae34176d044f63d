/** What a fresh emulated account holds: the account's bots, plus each area's own seed data. */
import { seeders } from './handlers/index.js';
import type { Bot, EmulatorState } from './state.js';

/** Well-known ids of the seeded bots, for demos, docs and tests. */
export const SEEDED = {
  /** A published assistant that answers in markdown, with follow-up suggestions. */
  assistantBotId: '7431847190245277732',
  /** A published bot with a client-side tool `get_weather`: chats pause in `requires_action`. */
  toolBotId: '7431847190245277733',
  /** A published "thinking" bot: it streams `reasoning_content` before its answer. */
  reasoningBotId: '7431847190245277734',
  /** A bot never published to the API channel: chatting with it fails with 4015. */
  draftBotId: '7431847190245277735',
} as const;

export function seed(state: EmulatorState): void {
  const at = state.seconds() - 86_400 * 30;
  const bot = (bot_id: string, name: string, description: string, behaviour: Bot['behaviour'], published: boolean): Bot => ({
    bot_id,
    name,
    description,
    icon_url: `https://lf-coze-web-cdn.coze.cn/obj/eden-cn/emulator/${behaviour}.png`,
    space_id: state.workspaceId,
    publish_status: published ? 'published' : 'draft',
    connector_ids: published ? ['1024', '999'] : [],
    version: published ? '1732000000001' : '',
    prompt: `You are ${name}.`,
    behaviour,
    follow_ups: behaviour === 'assistant',
    created_at: at,
    updated_at: at,
  });
  for (const b of [
    bot(SEEDED.assistantBotId, 'Coze Assistant', 'A helpful general assistant (emulated).', 'assistant', true),
    bot(SEEDED.toolBotId, 'Weather Helper', 'Looks up the weather with a client-side plugin (emulated).', 'tool', true),
    bot(SEEDED.reasoningBotId, 'Deep Thinker', 'Thinks aloud before it answers (emulated).', 'reasoning', true),
    bot(SEEDED.draftBotId, 'Draft Bot', 'Not yet published to the API channel (emulated).', 'assistant', false),
  ]) {
    state.bots.set(b.bot_id, b);
  }
  for (const s of seeders) s(state);
}
