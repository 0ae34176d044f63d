// Browser tests: TypeScript sources run in Debian's Chromium through Playwright, with coverage.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';

const root = resolve(import.meta.dirname);

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
  middleware: [rawFiles],
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
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
