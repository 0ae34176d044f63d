import { build } from 'esbuild';
const entry = process.argv[2];
const r = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, minify: true, metafile: true, splitting: true, outdir: '/tmp/metaout', target: 'es2022',
  external: ['lit', 'lit/*', '@lit/*', 'zod', 'zod/*', 'yaml'], loader: { '.json': 'json' } });
const outs = r.metafile.outputs;
const entryOut = Object.entries(outs).find(([k, v]) => v.entryPoint === entry)?.[0];
// static closure
const seen = new Set(); const visit = (o) => { if (seen.has(o)) return; seen.add(o); for (const i of outs[o].imports) if (i.kind === 'import-statement' && outs[i.path]) visit(i.path); };
visit(entryOut);
const per = {};
for (const o of seen) for (const [inp, v] of Object.entries(outs[o].inputs)) per[inp] = (per[inp] ?? 0) + v.bytesInOutput;
const tot = Object.values(per).reduce((a, b) => a + b, 0);
console.log('static closure minified bytes', tot);
for (const [k, v] of Object.entries(per).sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(String(v).padStart(8), k);
