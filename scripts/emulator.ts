/**
 * The standalone Coze emulator: `npm run emulator -- --port 8787 [--host 127.0.0.1]`.
 * Point any Coze client at the printed URL as its base URL, with any token such as `pat_emulator`.
 */
import { SEEDED } from '../src/emulator/seed.js';
import { startEmulatorServer } from '../src/emulator/node.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(arg('port') ?? process.env.PORT ?? 8787);
const host = arg('host') ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${arg('port')}`);
  process.exit(2);
}
try {
  const { url } = await startEmulatorServer(port, host);
  console.log(`Coze emulator listening on ${url}`);
  console.log(`  base URL: ${url}   token: any, e.g. pat_emulator   CORS: enabled`);
  console.log(`  bots: assistant ${SEEDED.assistantBotId} · tool ${SEEDED.toolBotId} · reasoning ${SEEDED.reasoningBotId} · unpublished ${SEEDED.draftBotId}`);
} catch (err) {
  console.error(`Could not start the emulator on ${host}:${port}: ${(err as Error).message}`);
  process.exit(1);
}
