#!/usr/bin/env node
// The one test command (`npm test`): sets up what a fresh machine lacks, runs every suite, and ends
// with the plain line `N passed, N failed` summed over all of them.
//
// Suites: typecheck · node (CLI) tests · browser tests (web-test-runner, Chromium) · Storybook
// smoke test (every built story loads in Chromium without an error).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = [];

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, ...opts.env } });
  if (opts.capture) process.stdout.write(r.stdout ?? '');
  return r;
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium is missing at ${chromium}. Install Debian's "chromium" and "fonts-noto-cjk" packages, or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log('Installing Chromium and CJK fonts with apt (first run only)…');
  run('apt-get', ['update', '-qq']);
  const r = run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0 || !existsSync(chromium)) {
    console.error('Could not install Chromium with apt.');
    process.exit(1);
  }
}

function ensureModules() {
  if (existsSync('node_modules/.bin/web-test-runner')) return;
  const r = run('npm', ['install', '--no-audit', '--no-fund']);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function record(name, passed, failed) {
  results.push({ name, passed, failed });
  console.log(`\n[${name}] ${passed} passed, ${failed} failed`);
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

ensureChromium();
ensureModules();
rmSync('.test-results', { recursive: true, force: true });

// 1. The catalogue and the custom-elements manifest are inputs of the typecheck and of Storybook.
const manifest = run('npx', ['cem', 'analyze', '--litelement', '--globs', 'src/elements/**/*.ts', '--exclude', 'src/**/*.styles.ts']);
record('custom-elements manifest', manifest.status === 0 ? 1 : 0, manifest.status === 0 ? 0 : 1);

const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
record('typecheck', typecheck.status === 0 ? 1 : 0, typecheck.status === 0 ? 0 : 1);

// 2. Node tests (command-line entry), TAP summary parsed.
const nodeTests = readdirSync('test/node').filter((f) => f.endsWith('.test.ts')).map((f) => `test/node/${f}`);
const node = run('node', ['--import', 'tsx', '--test', '--test-reporter=tap', '--test-concurrency=2', ...nodeTests], { capture: true });
const pass = Number(/^# pass (\d+)/m.exec(node.stdout ?? '')?.[1] ?? 0);
const fail = Number(/^# fail (\d+)/m.exec(node.stdout ?? '')?.[1] ?? (node.status === 0 ? 0 : 1));
record('node', pass, node.status !== 0 && fail === 0 ? 1 : fail);

// 3. Browser tests.
const wtr = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], { env: { CI: 'true' } });
const browser = readCounts('.test-results/browser.json');
if (browser) {
  // The reliability suites (test/suites/<name>.test.ts) print their own case counts; the rest is "browser".
  let { passed, failed } = browser;
  for (const [file, counts] of Object.entries(browser.files ?? {}).sort()) {
    const suite = /^test\/suites\/(.+)\.test\.ts$/.exec(file.split('\\').join('/'))?.[1];
    if (!suite) continue;
    record(`suite ${suite}`, counts.passed, counts.failed);
    passed -= counts.passed;
    failed -= counts.failed;
  }
  record('browser', passed, failed + (wtr.status !== 0 && browser.failed === 0 ? 1 : 0));
} else record('browser', 0, 1);

// 4. Storybook: build, then load every story.
const sb = run('npx', ['storybook', 'build', '-o', 'storybook-static', '--quiet', '--disable-telemetry']);
if (sb.status !== 0) record('storybook', 0, 1);
else {
  run('node', ['scripts/story-smoke.mjs', 'storybook-static', '.test-results/stories.json']);
  const stories = readCounts('.test-results/stories.json');
  record('storybook', stories?.passed ?? 0, stories ? stories.failed : 1);
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('');
for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
