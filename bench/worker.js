'use strict';
/*
 * One measurement in a fresh process; `bench/run.ts` spawns it and reads the JSON line it prints.
 *
 *   node bench/worker.js require <lib|cdktf|lib-after-cdktf>
 *     time of require('../lib') (the package entry point), of require('cdktf') alone, or of
 *     require('../lib') in a process that has already loaded cdktf
 *   node bench/worker.js <l2|l1> <backends> <outdir> [stringify]
 *     build the app (see apps.js) with the constructs (l2) or the generated L1 alone (l1) and
 *     app.synth() it into <outdir>; report build and synth wall time and the peak RSS of the
 *     process. With `stringify`, also time JSON.stringify of the synthesised document.
 *
 * Plain JavaScript requiring ../lib: it measures the compiled package users get.
 */
const fs = require('fs');
const path = require('path');

const now = () => process.hrtime.bigint();
const msSince = (start, end = now()) => Number(end - start) / 1e6;
const report = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);

const [mode, arg, outdir, extra] = process.argv.slice(2);

if (mode === 'require') {
  const target = { 'lib': '../lib', 'cdktf': 'cdktf', 'lib-after-cdktf': '../lib' }[arg];
  if (!target) throw new Error(`require target: got ${arg}; allowed: lib, cdktf, lib-after-cdktf`);
  // lib-after-cdktf: the package's own share, with cdktf (and constructs) already loaded.
  if (arg === 'lib-after-cdktf') require('cdktf');
  const start = now();
  require(target);
  report({ requireMs: msSince(start) });
} else if (mode === 'l2' || mode === 'l1') {
  const lib = require('../lib');
  const { App, TerraformStack } = require('cdktf');
  const apps = require('./apps');
  const spec = apps.appSpec(Number(arg));

  const start = now();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  (mode === 'l2' ? apps.buildL2 : apps.buildL1)(lib, stack, spec);
  const built = now();
  app.synth();
  const end = now();
  const maxRssKb = process.resourceUsage().maxRSS;

  const file = path.join(outdir, 'stacks', 'bench', 'cdk.tf.json');
  const result = {
    buildMs: msSince(start, built),
    synthMs: msSince(built, end),
    totalMs: msSince(start, end),
    peakRssMb: maxRssKb / 1024,
    file,
  };
  if (extra === 'stringify') {
    // The floor: turning the final document into text, nothing else (best of five in this process).
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = now();
      JSON.stringify(doc, null, 2);
      times.push(msSince(t));
    }
    result.stringifyMs = Math.min(...times);
  }
  report(result);
} else {
  throw new Error(`mode: got ${mode}; allowed: require, l2, l1`);
}
