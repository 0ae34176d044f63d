#!/usr/bin/env node
// Benchmarks with budgets (`npm run bench`). Timings are medians of several runs on this machine;
// sizes are gzip of the built library. Exits non-zero when a budget is exceeded.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const results = [];
function budget(name, value, limit, unit) {
  results.push({ name, value, limit, unit, ok: value <= limit });
}

// 1. Timings, measured in Node through tsx (the same core code the browser runs).
const timing = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-core.ts'], { encoding: 'utf8' });
if (timing.status !== 0) {
  console.error(timing.stderr);
  process.exit(1);
}
for (const [name, ms, limit] of JSON.parse(timing.stdout)) budget(name, ms, limit, 'ms');

// 2. Sizes of the built library.
const out = '.bench-dist';
const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--mode', 'lib', '--logLevel', 'silent', '--outDir', out, '--emptyOutDir'], { encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stderr);
  process.exit(1);
}
const gz = (file) => gzipSync(readFileSync(file)).length / 1024;
const chunks = readdirSync(join(out, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => join(out, 'chunks', f));
const catalogChunk = chunks.find((f) => f.includes('builtin-data'));
const code = [join(out, 'index.js'), ...chunks.filter((f) => f !== catalogChunk)];
budget('library code, all entries (gzip, unminified, without catalogue data and dependencies)', code.reduce((n, f) => n + gz(f), 0), 25, 'kB');
budget('built-in catalogue data chunk (gzip, loaded lazily)', gz(catalogChunk), 260, 'kB');

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(width)}  ${r.value.toFixed(1).padStart(8)} ${r.unit}  (budget ${r.limit} ${r.unit})`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
