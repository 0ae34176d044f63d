/**
 * The package as a consumer gets it. The library, CDN and declaration builds are made (into a staging
 * copy of the package, so the repository's own dist/ is left alone), `npm pack` packs them with the real
 * package.json, and the tarball is extracted into `.tmp-consumer/app/node_modules/coze-playground-elements/`,
 * where its dependencies resolve from the repository's node_modules (no network). The consumer app
 * (test/consumer/package/) is then type-checked against the package's declarations, built with Vite
 * (one copy of lit; unused elements and React wrappers tree-shaken), and loaded in headless Chromium,
 * as is a plain HTML page that takes the CDN build through an import map: every element renders.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build as esbuild } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { createEmulator } from '../../src/emulator/index.js';
import { emulatorMiddleware } from '../../src/emulator/node.js';
import { launchChromium } from './browser-page.js';

const root = join(import.meta.dirname, '..', '..');
const stage = join(root, '.tmp-consumer');
const pkgDir = join(stage, 'pkg');
const appDir = join(stage, 'app');
const NAME = 'coze-playground-elements';
const installed = join(appDir, 'node_modules', NAME);
const fixtures = join(root, 'test', 'consumer', 'package');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const TAGS = ['coze-playground', 'coze-api-tree', 'coze-api-form', 'coze-api-code', 'coze-api-response', 'coze-api-playground', 'coze-chat-sdk-demo'];
/** Any well-formed token works with the emulator. */
const TOKEN = 'pat_consumer_app';

interface PackageJson {
  version: string;
  files: string[];
  exports: Record<string, string | { types?: string; default: string }>;
  sideEffects: string[];
  customElements: string;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Runs a command; resolves with its standard output, rejects with all its output when it fails. */
function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${out}${err}`))));
  });
}

/** Every file under `dir`, as paths relative to it with `/`. */
function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'));
}

const jsFiles = (dir: string) => walk(dir).filter((f) => f.endsWith('.js'));
const readAll = (dir: string) => jsFiles(dir).map((f) => ({ file: f, code: readFileSync(join(dir, f), 'utf8') }));
/**
 * The JavaScript a page can load from a probe's output. Vite copies the chat demo's worker file as soon
 * as it reads the module that names it, even when that module is then dropped: the orphan is never loaded.
 */
const code = (dir: string) => readAll(dir).filter((f) => !/(^|\/)highlight\.worker-[^/]*\.js$/.test(f.file));
const occurrences = (files: Array<{ code: string }>, needle: string) => files.reduce((n, f) => n + f.code.split(needle).length - 1, 0);

/** A `sideEffects` glob (only `*` within one path segment) as a test. */
const globTest = (pattern: string) => new RegExp(`^${pattern.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

/** Builds the package's files into the staging copy, the way `npm run build` does (lib, then cdn; types). */
async function buildPackage(pkg: PackageJson): Promise<void> {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(pkgDir, { recursive: true });
  cpSync(join(root, 'package.json'), join(pkgDir, 'package.json'));
  for (const entry of pkg.files) {
    if (entry.startsWith('!') || entry === 'dist' || entry === 'custom-elements.json') continue;
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(pkgDir, entry), { recursive: true });
  }
  // The manifest is generated (`npm run analyze`, also the first step of `npm test`).
  if (!existsSync(join(root, 'custom-elements.json'))) await run(bin('cem'), ['analyze', '--litelement', '--globs', 'src/elements/**/*.ts', '--exclude', 'src/**/*.styles.ts'], root);
  cpSync(join(root, 'custom-elements.json'), join(pkgDir, 'custom-elements.json'));

  const dist = join(pkgDir, 'dist');
  const vite = (mode: string, outDir: string) => run(bin('vite'), ['build', '--config', 'vite.config.ts', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], root);
  // The lib build empties dist/, so the CDN build comes after it; the declarations build alongside.
  await Promise.all([vite('lib', dist).then(() => vite('cdn', join(dist, 'cdn'))), run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', join(stage, 'types')], root)]);
  renameSync(join(stage, 'types'), join(dist, 'types'));
  // `npm run build` also puts the demo site in dist/demo/; `files` must keep it out of the package.
  mkdirSync(join(dist, 'demo'));
  writeFileSync(join(dist, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
}

/** `npm pack`, then the tarball extracted as `npm install` would place it. Returns the packed file list. */
async function packAndInstall(): Promise<string[]> {
  const report = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', stage, '--loglevel', 'error'], pkgDir)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const packed = report[0]!;
  mkdirSync(installed, { recursive: true });
  await run('tar', ['-xzf', join(stage, packed.filename), '-C', installed, '--strip-components=1'], stage);
  cpSync(fixtures, appDir, { recursive: true });
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module', dependencies: { [NAME]: `file:${relative(appDir, join(stage, packed.filename))}` } }, null, 2));
  return packed.files.map((f) => f.path);
}

/** Vite builds of the consumer: the app page, and the two tree-shaking probes. */
async function buildConsumer(): Promise<void> {
  const common = { root: appDir, configFile: false as const, logLevel: 'error' as const, publicDir: false as const };
  await viteBuild({ ...common, build: { outDir: join(appDir, 'dist'), emptyOutDir: true, target: 'es2022' } });
  await viteBuild({ ...common, build: { outDir: join(appDir, 'shake-elements'), emptyOutDir: true, target: 'es2022', rolldownOptions: { input: join(appDir, 'shake-elements.ts') } } });
  // React stays outside (it is the host's); the wrappers and the elements go through the package.
  await viteBuild({ ...common, build: { outDir: join(appDir, 'shake-react'), emptyOutDir: true, target: 'es2022', rolldownOptions: { input: join(appDir, 'shake-react.ts'), external: [/^react($|\/)/] } } });
}

let pkg: PackageJson;
let packedFiles: string[] = [];
let server: Server;
let origin = '';
let browser: Browser | undefined;
/** What the server answered (files only), for what the browser loaded outside the page (a worker's script). */
const served: Array<{ path: string; status: number }> = [];

function serve(): Promise<void> {
  const emulator = createEmulator({ basePath: '/coze-api', streamDelayMs: 2 });
  const emulatorRoute = emulatorMiddleware(emulator, '/coze-api');
  const cdnPrefix = `/npm/${NAME}/`;
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path.startsWith('/coze-api/')) return emulatorRoute(req, res);
    // `/npm/<name>/…` serves the installed package's files, as a CDN serves a published package.
    const [base, rest] = path.startsWith(cdnPrefix) ? [installed, path.slice(cdnPrefix.length)] : path === '/cdn.html' ? [appDir, 'cdn.html'] : [join(appDir, 'dist'), path === '/' ? 'index.html' : path];
    const file = normalize(join(base, rest));
    if (!file.startsWith(base + sep)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
      served.push({ path, status: 200 });
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      served.push({ path, status: 404 });
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

interface Loaded {
  page: Page;
  problems: string[];
  requests: string[];
}

/** Opens a page; collects page errors, console errors, failed requests and every URL requested. */
async function open(path: string): Promise<Loaded> {
  browser ??= await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${String(err)}`));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()} (${m.location().url})`)));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`)));
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(`${origin}${path}?token=${TOKEN}`);
  return { page, problems, requests };
}

/** Every element in the page is registered, upgraded and has rendered content in its shadow root. */
async function assertRendered(page: Page): Promise<void> {
  await page.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), TAGS);
  const rendered = await page.evaluate((tags) => {
    return tags.map((tag) => {
      const els = [...document.querySelectorAll(tag)];
      return { tag, count: els.length, withContent: els.filter((el) => (el.shadowRoot?.querySelectorAll('*').length ?? 0) > 0).length };
    });
  }, TAGS);
  for (const r of rendered) {
    assert.ok(r.count > 0, `<${r.tag}> is in the page`);
    assert.equal(r.withContent, r.count, `<${r.tag}> rendered into its shadow root`);
  }
  // Real content, from the lazily loaded catalogue and the emulator.
  await page.waitForFunction(() => document.querySelector('#parts coze-api-tree')!.shadowRoot!.querySelectorAll('[role="treeitem"]').length >= 20);
  await page.locator('#parts coze-api-form [part="header"]', { hasText: '/v1/conversation/create' }).waitFor();
  await page.locator('#page coze-api-playground [part="middle"] coze-api-form').waitFor();
  await page.locator('#chat coze-chat-sdk-demo [part~="run"]').waitFor();
  assert.equal(await page.evaluate(() => (window as unknown as { __consumer: { sameClass: boolean } }).__consumer.sameClass), true, 'the class entry and the registering entries share one class');
}

/** Runs the selected API from the sample code and waits for the emulator's answer in the response panel. */
async function runOnce(page: Page): Promise<void> {
  await page.locator('#parts coze-api-tree [part="search"]').fill('conversations.create');
  await page.locator('#parts coze-api-tree [role="treeitem"][data-key="conversations.create"] > .row').click();
  await page.locator('#parts coze-api-code [part="run"]').click();
  await page.locator('#parts coze-api-response [part="summary"]', { hasText: '200' }).waitFor();
}

/**
 * Chats with the bot of the chat demo; the emulator's reply has a code block, which the highlighting
 * worker colours: the worker file must have come along with the build that asked for it.
 */
async function chatWithCodeBlock(page: Page, workerPrefix: string): Promise<void> {
  const demo = page.locator('#chat coze-chat-sdk-demo');
  await demo.locator('[part~="run"]').click();
  await demo.locator('[part~="bubble"]').click();
  const input = demo.locator('textarea.input');
  await input.fill('Hello from a consumer app');
  await input.press('Enter');
  const reply = demo.locator('.msg.bot[aria-busy="false"]');
  await reply.filter({ hasText: 'Hello from a consumer app' }).waitFor();
  await reply.locator('.code-block pre span').first().waitFor();
  const workers = served.filter((r) => /highlight\.worker[^/]*\.js$/.test(r.path));
  assert.ok(workers.length > 0 && workers.every((r) => r.status === 200 && r.path.startsWith(workerPrefix)), `the worker loaded from ${workerPrefix}: ${JSON.stringify(workers)}`);
}

describe('the packed package in a consumer project', () => {
  before(async () => {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
    await buildPackage(pkg);
    packedFiles = await packAndInstall();
    await serve();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    // KEEP_CONSUMER=1 keeps the staging folder to look into.
    if (!process.env['KEEP_CONSUMER']) rmSync(stage, { recursive: true, force: true });
  });

  test('npm pack ships the builds, the declarations, the manifest and the catalogue, and no sources', () => {
    const must = [
      'package.json',
      'custom-elements.json',
      'catalog/index.json',
      'dist/index.js',
      'dist/define/all.js',
      ...TAGS.map((tag) => `dist/define/${tag}.js`),
      'dist/react/index.js',
      ...TAGS.map((tag) => `dist/react/${tag}.js`),
      'dist/cdn/index.js',
      'dist/cdn/define/all.js',
      ...TAGS.map((tag) => `dist/cdn/define/${tag}.js`),
      'dist/types/src/index.d.ts',
      'dist/types/src/define/all.d.ts',
      'dist/types/src/react/index.d.ts',
    ];
    for (const file of must) assert.ok(packedFiles.includes(file), `${file} is in the tarball`);
    const stray = packedFiles.filter((f) => /^(src|test|stories|scripts|demo|dist\/demo|node_modules|\.)/.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')));
    assert.deepEqual(stray, [], 'no sources, tests, demo site or dotfiles in the tarball');
  });

  test('every export resolves in the installed package, with its declarations', () => {
    const require = createRequire(join(appDir, 'index.js'));
    const themes = existsSync(join(installed, 'themes')) ? readdirSync(join(installed, 'themes')) : [];
    const expand = (key: string): string[] =>
      key === './define/*' ? TAGS.map((t) => `./define/${t}`) : key === './catalog/*' ? ['./catalog/index.json'] : key === './themes/*' ? themes.map((t) => `./themes/${t}`) : [key];
    let checked = 0;
    for (const [key, target] of Object.entries(pkg.exports)) {
      for (const subpath of expand(key)) {
        const specifier = subpath === '.' ? NAME : `${NAME}/${subpath.slice(2)}`;
        const file = require.resolve(specifier);
        assert.ok(file.startsWith(installed + sep) && existsSync(file), `${specifier} → ${file}`);
        checked++;
        if (typeof target === 'object' && target.types) {
          const star = key.includes('*') ? subpath.slice(key.indexOf('*')) : '';
          const types = join(installed, target.types.replace('*', star));
          assert.ok(existsSync(types), `${specifier} has its declarations (${relative(installed, types)})`);
        }
      }
    }
    assert.ok(checked >= 12, `${checked} subpaths checked`);
    assert.ok(pkg.exports['./react'], 'the React wrappers have their subpath');
  });

  test('sideEffects names exactly the registering modules; React and @lit/react are optional peers', () => {
    const patterns = pkg.sideEffects.map(globTest);
    const marked = (f: string) => patterns.some((p) => p.test(f));
    for (const f of jsFiles(join(installed, 'dist'))) {
      const registering = /^dist\/(cdn\/)?define\/[^/]+\.js$/.test(f);
      assert.equal(marked(f), registering, `${f} ${registering ? 'registers elements' : 'has no side effects'}`);
    }
    for (const peer of ['react', '@lit/react']) {
      assert.ok(pkg.peerDependencies?.[peer], `${peer} is a peer dependency`);
      assert.equal(pkg.peerDependenciesMeta?.[peer]?.optional, true, `${peer} is optional`);
      assert.equal(pkg.dependencies[peer], undefined, `${peer} is not a dependency`);
    }
  });

  test('the manifest is reachable from package.json and declares every element with its events', () => {
    const installedPkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as PackageJson;
    const manifest = JSON.parse(readFileSync(join(installed, installedPkg.customElements), 'utf8')) as { modules: Array<{ declarations?: Array<{ tagName?: string; events?: Array<{ name: string }> }> }> };
    assert.equal(createRequire(join(appDir, 'index.js')).resolve(`${NAME}/custom-elements.json`), join(installed, installedPkg.customElements));
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    assert.deepEqual(elements.map((d) => d.tagName).sort(), [...TAGS].sort());
    for (const d of elements) assert.ok((d.events ?? []).some((e) => e.name.startsWith('coze-')), `<${d.tagName}> lists its events`);
  });

  test('a consumer type-checks against the declarations (strict, no skipLibCheck; typed events and JSX props)', async () => {
    await run(bin('tsc'), ['-p', join(appDir, 'tsconfig.json')], appDir);
  });

  describe('built with Vite', () => {
    before(buildConsumer);

    test('lit is in the output once, though the app and the package both use it', () => {
      const out = readAll(join(appDir, 'dist'));
      assert.ok(out.some((f) => f.code.includes('consumer-manifest')), "the app's own element is in the output");
      for (const marker of ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions']) assert.equal(occurrences(out, marker), 1, `${marker}: one copy`);
    });

    test('unused elements are left out: one define entry brings one element', () => {
      const out = code(join(appDir, 'shake-elements'));
      assert.ok(occurrences(out, 'coze-api-tree') > 0, 'the used element is in');
      for (const tag of TAGS.filter((t) => t !== 'coze-api-tree' && t !== 'coze-playground')) {
        assert.equal(occurrences(out, tag), 0, `<${tag}> is not in the output`);
      }
    });

    test('unused React wrappers are left out: one wrapper brings one element', () => {
      const out = code(join(appDir, 'shake-react'));
      assert.ok(occurrences(out, 'CozeApiTree') > 0, 'the used wrapper is in');
      for (const name of ['CozeChatSdkDemo', 'CozeApiPlayground', 'CozeApiResponse', 'CozeApiForm', 'CozeApiCode']) assert.equal(occurrences(out, name), 0, `${name} is not in the output`);
      for (const tag of ['coze-chat-sdk-demo', 'coze-api-playground', 'coze-api-response']) assert.equal(occurrences(out, tag), 0, `<${tag}> is not in the output`);
    });

    test('the built app renders every element in Chromium and runs an API against the emulator', async () => {
      const { page, problems } = await open('/');
      await assertRendered(page);
      assert.deepEqual(await page.locator('consumer-manifest li').allTextContents(), await page.evaluate(() => (window as unknown as { __consumer: { tags: string[] } }).__consumer.tags));
      assert.equal(await page.locator('consumer-manifest li').count(), TAGS.length, 'the app read the manifest through the package export');
      await runOnce(page);
      await chatWithCodeBlock(page, '/assets/');
      assert.deepEqual(problems, []);
      await page.close();
    });
  });

  test('the CDN build needs nothing but itself: no bare imports but react (in the React wrappers), one copy of lit', async () => {
    const cdnDir = join(installed, 'dist', 'cdn');
    const cdn = readAll(cdnDir);
    // esbuild parses every file and lists the imports it would leave to someone else (bare specifiers).
    const { metafile } = await esbuild({ absWorkingDir: cdnDir, entryPoints: cdn.map((f) => f.file), bundle: true, packages: 'external', metafile: true, write: false, outdir: 'out', format: 'esm', logLevel: 'silent' });
    const bare = Object.entries(metafile.inputs).flatMap(([file, input]) => input.imports.filter((i) => i.external).map((i) => `${file}: ${i.path}`));
    const expected = TAGS.map((tag) => `react/${tag}.js: react`);
    assert.deepEqual([...new Set(bare)].sort(), expected.sort(), 'only the React wrappers import a bare specifier (react, the host\'s)');
    assert.equal(occurrences(cdn, 'litHtmlVersions'), 1);
    const lib = readAll(join(installed, 'dist')).filter((f) => !f.file.startsWith('cdn/'));
    assert.equal(occurrences(lib, 'litHtmlVersions'), 0, 'the library build leaves lit to the host');
  });

  test('a plain HTML page takes the CDN build through an import map and renders every element', async () => {
    served.length = 0;
    const { page, problems, requests } = await open('/cdn.html');
    await assertRendered(page);
    await runOnce(page);
    await chatWithCodeBlock(page, `/npm/${NAME}/dist/cdn/`);
    const local = requests.map((u) => new URL(u)).filter((u) => u.origin === origin);
    assert.equal(local.length, requests.length, 'no request leaves the page’s origin');
    const scripts = local.filter((u) => u.pathname.endsWith('.js')).map((u) => u.pathname);
    assert.ok(scripts.length > 0 && scripts.every((p) => p.startsWith(`/npm/${NAME}/dist/cdn/`)), `every script comes from the CDN build: ${scripts.filter((p) => !p.startsWith(`/npm/${NAME}/dist/cdn/`)).join(', ')}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
