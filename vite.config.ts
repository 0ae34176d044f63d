/**
 * Vite serves the demo (`npm start`) and builds two things:
 *   vite build --mode lib   → dist/: the library (ES modules; dependencies left to the host's bundler)
 *   vite build --mode cdn   → dist/cdn/: the same entries with every dependency bundled, for a
 *                             `<script type="module">` straight from a CDN or a static server
 *   vite build --mode demo  → dist/demo/: the demo site, self-contained
 * The dev and preview servers also host the Coze emulator at /coze-api.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { cozeEmulator } from './src/emulator/vite-plugin.js';

const root = import.meta.dirname;

/** The library entry plus one registering entry per element (`define/<tag>`) and `define/all`. */
const libEntries: Record<string, string> = {
  index: resolve(root, 'src/index.ts'),
  ...Object.fromEntries(
    readdirSync(resolve(root, 'src/define'))
      .filter((file) => file.endsWith('.ts') && file !== 'define.ts')
      .map((file) => [`define/${file.replace(/\.ts$/, '')}`, resolve(root, 'src/define', file)]),
  ),
};

export default defineConfig(({ mode }) => {
  if (mode === 'lib' || mode === 'cdn') {
    const cdn = mode === 'cdn';
    return {
      // Lit's dev-mode warnings are for development builds; the CDN files are production ones.
      ...(cdn ? { define: { 'process.env.NODE_ENV': '"production"' } } : {}),
      build: {
        outDir: cdn ? 'dist/cdn' : 'dist',
        emptyOutDir: true,
        sourcemap: true,
        target: 'es2022',
        minify: cdn,
        lib: { entry: libEntries, formats: ['es'] },
        rolldownOptions: {
          external: cdn ? [] : [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^yaml($|\/)/],
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    };
  }
  return {
    root: resolve(root, 'demo'),
    plugins: [cozeEmulator({ basePath: '/coze-api' })],
    publicDir: false,
    // Web workers (the chat demo's highlighter) as ES modules, so their grammars split per language.
    worker: { format: 'es' as const },
    server: { port: Number(process.env.PORT ?? 5173), host: '127.0.0.1' },
    preview: { port: Number(process.env.PORT ?? 4173), host: '127.0.0.1' },
    build: {
      outDir: resolve(root, 'dist/demo'),
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: {
        input: Object.fromEntries(['index', 'docs', 'console', 'catalog', 'landing'].map((page) => [page, resolve(root, `demo/${page}.html`)])),
      },
    },
  };
});
