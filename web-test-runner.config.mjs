// Browser tests: TypeScript sources run in Debian's Chromium through Playwright, with coverage.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { register } from 'tsx/esm/api';
import { resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';

const root = resolve(import.meta.dirname);

// The emulator is TypeScript; tsx lets this config load it. Tests reach it over real HTTP at
// /coze-api on the test server's own origin.
register();
const { createEmulator } = await import('./src/emulator/index.ts');
const { emulatorMiddleware } = await import('./src/emulator/node.ts');
const emulator = createEmulator({ basePath: '/coze-api', streamDelayMs: 5 });
const emulatorConnect = emulatorMiddleware(emulator, '/coze-api');

function emulatorRoute(ctx, next) {
  if (!ctx.path.startsWith('/coze-api/')) return next();
  // The emulator writes the Node response itself; the status keeps the runner from logging a 404.
  ctx.status = 200;
  ctx.respond = false;
  emulatorConnect(ctx.req, ctx.res);
}

// A server on another origin that answers without CORS headers: the browser blocks its answers.
const noCors = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"code":0,"msg":"","data":{}}');
});
await new Promise((r) => noCors.listen(0, '127.0.0.1', r));
noCors.unref();
// A port where nothing listens: connections are refused.
const dead = createServer();
await new Promise((r) => dead.listen(0, '127.0.0.1', r));
const deadPort = dead.address().port;
await new Promise((r) => dead.close(r));

// stringify-object (used by httpsnippet-lite) is CommonJS; bundle it into an ES module for the browser.
// Vite and Storybook do this themselves; the test server does not.
const commonJsAsEsm = {
  name: 'commonjs-as-esm',
  async serve(context) {
    if (!/^\/node_modules\/stringify-object\/index\.js$/.test(context.path)) return undefined;
    const out = await build({ entryPoints: [resolve(root, `.${context.path}`)], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
    return { body: out.outputFiles[0].text, type: 'js' };
  },
};

const testEnv = {
  noCorsUrl: `http://127.0.0.1:${noCors.address().port}`,
  deadUrl: `http://127.0.0.1:${deadPort}`,
};

/**
 * `/__raw/<path>` serves a repository file byte for byte. The esbuild plugin turns every `*.json`
 * into a JS module (so that source code can import catalogue JSON); tests that fetch a document
 * as text use this instead.
 */
async function rawFiles(ctx, next) {
  if (!ctx.path.startsWith('/__raw/')) return next();
  const file = resolve(root, decodeURIComponent(ctx.path.slice('/__raw/'.length)));
  if (!file.startsWith(root + sep)) {
    ctx.status = 403;
    return;
  }
  try {
    ctx.body = await readFile(file);
    ctx.type = 'text/plain; charset=utf-8';
  } catch {
    ctx.status = 404;
  }
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  concurrency: 2,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  coverage: true,
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
  },
  middleware: [rawFiles, emulatorRoute],
  testRunnerHtml: (testFramework) => `<html><head><script>window.__TEST_ENV__ = ${JSON.stringify(testEnv)};</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [commonJsAsEsm, esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }), countingReporter('.test-results/browser.json')],
};
