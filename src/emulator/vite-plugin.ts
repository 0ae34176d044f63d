/**
 * A Vite plugin that serves the Coze emulator from the dev and preview servers, so `npm start` gives
 * the demo a local Coze at `<origin>/coze-api` (event streams are flushed event by event).
 */
import type { Plugin } from 'vite';
import { createEmulator, type EmulatorOptions } from './index.js';
import { emulatorMiddleware } from './node.js';

export function cozeEmulator(options: EmulatorOptions & { basePath?: string } = {}): Plugin {
  const basePath = options.basePath ?? '/coze-api';
  const mount = () => emulatorMiddleware(createEmulator({ ...options, basePath }), basePath);
  return {
    name: 'coze-emulator',
    configureServer(server) {
      server.middlewares.use(mount());
    },
    configurePreviewServer(server) {
      server.middlewares.use(mount());
    },
  };
}
