/**
 * Vite serves the demo (`npm start`) and builds two things:
 *   vite build --mode lib   → dist/: the library (ES modules; every dependency left to the host's bundler)
 *   vite build --mode cdn   → dist/cdn/: the same entries with every dependency bundled, for a
 *                             `<script type="module">` straight from a CDN or a static server
 *   vite build --mode demo  → dist/demo/: the demo site, self-contained
 * The dev and preview servers also host the Coze emulator at /coze-api.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { cozeEmulator } from './src/emulator/vite-plugin.js';

const root = import.meta.dirname;

/** `<dir>/<name>` entries for the modules of `src/<dir>` (all but `skip`). */
const entriesOf = (dir: string, skip: string[] = []): Array<[string, string]> =>
  readdirSync(resolve(root, 'src', dir))
    .filter((file) => file.endsWith('.ts') && !skip.includes(file))
    .map((file) => [`${dir}/${file.replace(/\.ts$/, '')}`, resolve(root, 'src', dir, file)]);

/**
 * The library entry, one registering entry per element (`define/<tag>`) and `define/all`, and the
 * React wrappers (`react/index` and one module per element, so a bundler drops the unused ones).
 */
const libEntries: Record<string, string> = {
  index: resolve(root, 'src/index.ts'),
  ...Object.fromEntries(entriesOf('define', ['define.ts'])),
  ...Object.fromEntries(entriesOf('react')),
};

/** React is the host's: never bundled, not even in the CDN build (an import map names it). */
const react = [/^react($|\/)/, /^react-dom($|\/)/];

/**
 * The library build leaves every dependency to the host's bundler (so a host that also uses lit,
 * marked or shiki gets one copy of each); the CDN build bundles them.
 */
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies?: Record<string, string> };
const dependencies = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})].map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}($|/)`));

export default defineConfig(({ mode }) => {
  if (mode === 'lib' || mode === 'cdn') {
    const cdn = mode === 'cdn';
    return {
      // Lit's dev-mode warnings are for development builds; the CDN files are production ones.
      ...(cdn ? { define: { 'process.env.NODE_ENV': '"production"' } } : {}),
      // Relative URLs for emitted files (the chat demo's highlighting worker): from a CDN they resolve
      // beside the module that asks for them, and a host's bundler sees `new URL('../assets/…',
      // import.meta.url)` and copies the file into its own build.
      base: './',
      // The chat demo's highlighting worker. From a CDN: an ES module whose grammars load one by one
      // from beside it. In the library: one self-contained, minified file, because a host's bundler
      // copies the worker file as an asset but not the chunks such a module would import.
      worker: cdn ? { format: 'es' as const } : { format: 'iife' as const, rolldownOptions: { output: { minify: true } } },
      build: {
        outDir: cdn ? 'dist/cdn' : 'dist',
        emptyOutDir: true,
        sourcemap: true,
        target: 'es2022',
        minify: cdn,
        lib: { entry: libEntries, formats: ['es'] },
        rolldownOptions: {
          external: cdn ? react : [...react, ...dependencies],
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
