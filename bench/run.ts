/*
 * `npm run bench`: synth time, peak memory and import cost of the compiled package, each measured in
 * fresh processes (bench/worker.js) against baselines measured in the same run:
 *
 * - L1: the same output built with the generated L1 resources alone (bench/apps.js `buildL1`); the
 *   two outputs must be identical JSON, or the bench fails;
 * - stringify: JSON.stringify of the final document, the floor;
 * - require('cdktf'), for the import overhead of the package entry point: the time of
 *   require('../lib') in a process that has required cdktf (bench/import-cost.ts).
 *
 * Targets are reported PASS/MISS and never fail the run (timings vary between machines); only a
 * crash or different output does.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IMPORT_RUNS, importOverhead, median } from './import-cost';

const SCALES = [50, 500, 5_000];
const SYNTH_RUNS = 7;
const WORKER = path.join(__dirname, 'worker.js');

const TARGETS = {
  l2OverL1: 1.3,
  growth: 11,
  importOverheadMs: 50,
  peakRssMb: 400,
};

interface SynthResult {
  readonly buildMs: number;
  readonly synthMs: number;
  readonly totalMs: number;
  readonly peakRssMb: number;
  readonly file: string;
  readonly stringifyMs?: number;
}

interface Row {
  readonly scenario: string;
  readonly backends: number;
  readonly l2: SynthResult[];
  readonly l1: SynthResult[];
}

class BenchFailure extends Error {}

function worker<T>(args: string[]): T {
  const child = spawnSync(process.execPath, [WORKER, ...args], {
    cwd: __dirname,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
  });
  if (child.status !== 0 || child.error) {
    throw new BenchFailure(`worker ${args.join(' ')} failed (exit ${child.status}${child.signal ? `, ${child.signal}` : ''}):\n`
      + `${child.error ?? ''}${child.stderr}${child.stdout}`);
  }
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

/** JSON with sorted keys, so the comparison does not depend on key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) => (inner !== null && typeof inner === 'object' && !Array.isArray(inner)
    ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, inner[key]]))
    : inner));
}

interface Difference {
  /** The JSON path, e.g. `resource.fastly_service_vcl.site-0_C8B2DF93.backend[3 "web-1"].weight`. */
  readonly path: string;
  /** The path with resource ids and array positions wildcarded, to group repeated differences. */
  readonly pattern: string;
  readonly l2: unknown;
  readonly l1: unknown;
}

/** Every difference between two JSON documents (up to `limit`), with block elements labelled by name. */
function differences(l2: unknown, l1: unknown, segments: string[] = [], patterns: string[] = [], found: Difference[] = [],
  limit = 100_000): Difference[] {
  if (found.length >= limit) return found;
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (isObject(l2) && isObject(l1) && Array.isArray(l2) === Array.isArray(l1)) {
    if (Array.isArray(l2) && Array.isArray(l1)) {
      if (l2.length !== l1.length) {
        found.push({ path: `${segments.join('')}.length`, pattern: `${patterns.join('')}.length`, l2: l2.length, l1: l1.length });
      }
      for (let i = 0; i < Math.max(l2.length, l1.length); i++) {
        const name = (l2[i] as any)?.name ?? (l1[i] as any)?.name;
        const label = typeof name === 'string' ? `[${i} ${JSON.stringify(name)}]` : `[${i}]`;
        differences(l2[i], l1[i], [...segments, label], [...patterns, '[*]'], found, limit);
      }
    } else {
      const keys = [...new Set([...Object.keys(l2), ...Object.keys(l1)])].sort();
      // Resource logical ids differ per service; group their differences together.
      const isResourceId = patterns.length === 2 && patterns[0] === 'resource';
      for (const key of keys) {
        const segment = segments.length === 0 ? key : `.${key}`;
        differences(l2[key], l1[key], [...segments, segment], [...patterns, isResourceId ? '.<id>' : segment], found, limit);
      }
    }
  } else if (canonical(l2) !== canonical(l1)) {
    found.push({ path: segments.join(''), pattern: patterns.join(''), l2, l1 });
  }
  return found;
}

/** Differences grouped by pattern: how many, and the first of each. */
function summarize(found: Difference[], groups = 15): string[] {
  const show = (value: unknown) => {
    const text = value === undefined ? '(absent)' : JSON.stringify(value);
    return text.length > 100 ? `${text.slice(0, 97)}...` : text;
  };
  const byPattern = new Map<string, Difference[]>();
  for (const difference of found) byPattern.set(difference.pattern, [...byPattern.get(difference.pattern) ?? [], difference]);
  const lines = [...byPattern.entries()].slice(0, groups).map(([pattern, list]) =>
    `${pattern}: ${list.length} difference${list.length === 1 ? '' : 's'}, first at ${list[0].path}: L2 ${show(list[0].l2)} / L1 ${show(list[0].l1)}`);
  if (byPattern.size > groups) lines.push(`... and ${byPattern.size - groups} more kinds of difference`);
  return lines;
}

/** Fails the bench unless the L2 and L1 outputs are the same JSON (logical ids included). */
function assertIdentical(backends: number, l2File: string, l1File: string): void {
  const l2Text = fs.readFileSync(l2File, 'utf8');
  const l1Text = fs.readFileSync(l1File, 'utf8');
  const l2 = JSON.parse(l2Text);
  const l1 = JSON.parse(l1Text);
  if (canonical(l2) === canonical(l1)) return;
  const count = (doc: any, type: string) => Object.keys(doc.resource?.[type] ?? {}).length;
  const blocks = (doc: any) => Object.values<any>(doc.resource?.fastly_service_vcl ?? {})
    .reduce((sum, body) => sum + (body.backend?.length ?? 0), 0);
  throw new BenchFailure([
    `L2 and L1 outputs differ at ${backends} backends (${l2File} vs ${l1File}):`,
    `  fastly_service_vcl: L2 ${count(l2, 'fastly_service_vcl')}, L1 ${count(l1, 'fastly_service_vcl')}; `
      + `fastly_service_compute: L2 ${count(l2, 'fastly_service_compute')}, L1 ${count(l1, 'fastly_service_compute')}; `
      + `VCL backends: L2 ${blocks(l2)}, L1 ${blocks(l1)}`,
    '  differences (<id>: any resource, [*]: any block element):',
    ...summarize(differences(l2, l1)).map((line) => `    ${line}`),
  ].join('\n'));
}

function fixed(value: number): string {
  return value.toFixed(2);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function main(): void {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-fastly-bench-'));
  try {
    console.log(`bench: node ${process.version}, ${os.cpus().length} CPUs; ${SYNTH_RUNS} runs per synth scenario, `
      + `${IMPORT_RUNS} per import; medians; every run a fresh process`);

    // Warm the file system cache so the first measured run is not an outlier.
    worker<SynthResult>(['l2', '50', path.join(tmp, 'warm-l2')]);
    worker<SynthResult>(['l1', '50', path.join(tmp, 'warm-l1')]);

    const rows: Row[] = [];
    for (const backends of SCALES) {
      const row: Row = { scenario: `synth ${backends / 50} service${backends === 50 ? '' : 's'}`, backends, l2: [], l1: [] };
      for (let run = 0; run < SYNTH_RUNS; run++) {
        const l2Dir = path.join(tmp, `l2-${backends}-${run}`);
        const l1Dir = path.join(tmp, `l1-${backends}-${run}`);
        // Alternate the order so drift (thermal, other load) does not favour one side.
        const measure = () => {
          if (run % 2 === 0) {
            row.l2.push(worker<SynthResult>(['l2', String(backends), l2Dir]));
            row.l1.push(worker<SynthResult>(['l1', String(backends), l1Dir, 'stringify']));
          } else {
            row.l1.push(worker<SynthResult>(['l1', String(backends), l1Dir, 'stringify']));
            row.l2.push(worker<SynthResult>(['l2', String(backends), l2Dir]));
          }
        };
        measure();
        assertIdentical(backends, row.l2[run].file, row.l1[run].file);
        fs.rmSync(l2Dir, { recursive: true, force: true });
        fs.rmSync(l1Dir, { recursive: true, force: true });
      }
      rows.push(row);
      process.stderr.write(`  ${backends} backends: done (outputs identical in all ${SYNTH_RUNS} runs)\n`);
    }

    const requireOnce = (target: string) => worker<{ requireMs: number }>(['require', target]).requireMs;
    const overhead = importOverhead(requireOnce);
    // For context: each import alone, in a process that has loaded nothing.
    const cdktfMs = Array.from({ length: IMPORT_RUNS }, () => requireOnce('cdktf'));
    const libMs = Array.from({ length: IMPORT_RUNS }, () => requireOnce('lib'));

    const m = (results: SynthResult[], key: keyof SynthResult) => median(results.map((r) => r[key] as number));
    const header = ['scenario', 'backends', 'L2 ms', 'L1 ms', 'ratio', 'stringify ms', 'peak RSS MB'];
    console.log();
    console.log(table(header, rows.map((row) => [
      row.scenario,
      String(row.backends),
      fixed(m(row.l2, 'totalMs')),
      fixed(m(row.l1, 'totalMs')),
      fixed(m(row.l2, 'totalMs') / m(row.l1, 'totalMs')),
      fixed(m(row.l1, 'stringifyMs')),
      fixed(m(row.l2, 'peakRssMb')),
    ])));
    console.log('(L2/L1 ms: building the constructs plus app.synth() into a temp dir; peak RSS: the L2 process)');

    console.log();
    console.log(table(['breakdown', 'backends', 'L2 build ms', 'L2 synth ms', 'L1 build ms', 'L1 synth ms', 'L1 peak RSS MB'],
      rows.map((row) => [
        row.scenario,
        String(row.backends),
        fixed(m(row.l2, 'buildMs')),
        fixed(m(row.l2, 'synthMs')),
        fixed(m(row.l1, 'buildMs')),
        fixed(m(row.l1, 'synthMs')),
        fixed(m(row.l1, 'peakRssMb')),
      ])));

    console.log();
    console.log(table(['import', 'median ms', 'min ms', 'max ms'], [
      ["overhead: require('../lib') after require('cdktf'), same process", fixed(overhead.medianMs), fixed(overhead.minMs), fixed(overhead.maxMs)],
      ["require('cdktf') alone", fixed(median(cdktfMs)), fixed(Math.min(...cdktfMs)), fixed(Math.max(...cdktfMs))],
      ["require('../lib') alone (loads cdktf too)", fixed(median(libMs)), fixed(Math.min(...libMs)), fixed(Math.max(...libMs))],
    ]));
    console.log(`(import: ${overhead.runs} fresh processes each)`);

    const largest = rows.find((row) => row.backends === 5_000)!;
    const middle = rows.find((row) => row.backends === 500)!;
    const l2OverL1 = m(largest.l2, 'totalMs') / m(largest.l1, 'totalMs');
    const growth = m(largest.l2, 'totalMs') / m(middle.l2, 'totalMs');
    const peakRss = m(largest.l2, 'peakRssMb');
    const verdict = (value: number, limit: number) => (value <= limit ? 'PASS' : 'MISS');
    console.log();
    console.log(`${verdict(l2OverL1, TARGETS.l2OverL1)}  L2 over L1 at 5000: ${fixed(l2OverL1)} (target <= ${TARGETS.l2OverL1})`);
    console.log(`${verdict(growth, TARGETS.growth)}  growth 500 -> 5000: ${fixed(growth)}x (target <= ${TARGETS.growth}x)`);
    console.log(`${verdict(overhead.medianMs, TARGETS.importOverheadMs)}  import overhead: ${fixed(overhead.medianMs)} ms, require('../lib') after `
      + `require('cdktf') (target <= ${TARGETS.importOverheadMs} ms)`);
    console.log(`${verdict(peakRss, TARGETS.peakRssMb)}  peak RSS at 5000: ${fixed(peakRss)} MB (target <= ${TARGETS.peakRssMb} MB)`);
    console.log(`(bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    console.log(`bench: l2_over_l1=${fixed(l2OverL1)} growth_5000_over_500=${fixed(growth)} `
      + `import_overhead_ms=${fixed(overhead.medianMs)} peak_rss_mb_5000=${fixed(peakRss)}`);
    fs.rmSync(tmp, { recursive: true, force: true });
  } catch (error) {
    if (error instanceof BenchFailure) error.message += `\n(outputs kept in ${tmp})`;
    throw error;
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof BenchFailure ? `bench: FAILED\n${error.message}` : error);
  process.exit(1);
}
