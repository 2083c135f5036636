/**
 * Has the real tools judge every stack the tests build: the example app, the whole-stack snapshot
 * stacks and the apps of the property-test generator (fixed seed) that synthesise.
 *
 * - OpenTofu with the Fastly provider from the toolchain's mirror: `tofu init`, `tofu validate` and an
 *   offline `tofu plan` of each stack (the provider makes no API call for new resources).
 * - falco: a lint of each VCL service's VCL, as Fastly compiles it (src/vcl/generated-vcl.ts).
 *
 *   ts-node test/real/check-stacks.ts              both; ends `provider: N stacks validated, N planned, N VCL services linted, 0 failed`
 *   ts-node test/real/check-stacks.ts --vcl-only   falco only, for a toolchain built --without-provider
 *
 * Exits non-zero on any failure; a missing tool is a failure, never a skip.
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { App, TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { renderServiceVcl } from '../../src/vcl/generated-vcl';
import { appSpec, buildApp } from '../fixtures/property-apps';
import { WHOLE_STACKS } from '../fixtures/stacks';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const PROPERTY_SEED = 20261201;
const PROPERTY_APPS = 800;
const PARALLEL = Math.max(1, os.cpus().length);

interface Toolchain {
  readonly dir: string;
  readonly tofu: string;
  readonly falco: string;
}

interface SynthesisedStack {
  readonly name: string;
  readonly dir: string;
  readonly json: { [key: string]: any };
}

interface Counts {
  validated: number;
  planned: number;
  linted: number;
  failures: string[];
}

function toolchain(withProvider: boolean): Toolchain {
  const args = [path.join(ROOT, 'scripts', 'toolchain.js'), ...(withProvider ? [] : ['--without-provider'])];
  let output: string;
  try {
    output = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch {
    throw new Error('the toolchain is not available (see the toolchain output above); run `npm run toolchain`');
  }
  const dir = /^toolchain: (.+)$/m.exec(output)?.[1];
  if (!dir) throw new Error(`scripts/toolchain.js printed no "toolchain: <dir>" line:\n${output}`);
  const tools = { dir, tofu: path.join(dir, 'bin', 'tofu'), falco: path.join(dir, 'bin', 'falco') };
  for (const binary of [tools.tofu, tools.falco]) {
    if (!fs.existsSync(binary)) throw new Error(`${binary} is missing from the toolchain`);
  }
  return tools;
}

/** Synthesises a stack with validations on, as `cdktf synth` does, into its app's output folder. */
function synthesise(name: string, build: (app: App) => TerraformStack): SynthesisedStack | undefined {
  const app = Testing.app();
  const stack = build(app);
  try {
    app.synth();
  } catch {
    return undefined;
  }
  const dir = path.join(app.outdir, 'stacks', stack.node.id);
  return { name, dir, json: JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')) };
}

interface FalcoReport {
  readonly Errors?: number;
  readonly LintErrors?: { [file: string]: Array<{ Severity: string; Message: string; Rule?: string; Token: { Line: number } }> };
  /** A syntax error stops falco before linting; its summary then still counts 0 errors. */
  readonly ParseErrors?: { [file: string]: { Message: string; Token: { Line: number; Position: number } } };
}

/** Lints the VCL of one service body; returns falco's errors (none: it compiles), or throws when falco gave no report. */
async function falcoErrors(tools: Toolchain, body: { [key: string]: any }, keep: (file: string) => void): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'falco-'));
  const file = path.join(dir, 'main.vcl');
  fs.writeFileSync(file, renderServiceVcl(body));
  // falco exits 1 on errors and prints its JSON report either way.
  const result = await run(tools.falco, ['lint', '-json', file], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).catch((error) => error);
  let report: FalcoReport;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`falco gave no report: ${String(result.stderr || result.message).trim()}`);
  }
  const errors = [
    ...Object.values(report.ParseErrors ?? {}).map((e) => `line ${e.Token.Line} column ${e.Token.Position}: ${e.Message}`),
    ...Object.values(report.LintErrors ?? {}).flat().filter((problem) => problem.Severity === 'Error')
      .map((e) => `line ${e.Token.Line}: ${e.Message}${e.Rule ? ` [${e.Rule}]` : ''}`),
  ];
  if (errors.length === 0 && (report.Errors ?? 0) > 0) errors.push(`${report.Errors} error(s)`);
  if (errors.length > 0) keep(file);
  else fs.rmSync(dir, { recursive: true, force: true });
  return errors;
}

async function lintVcl(tools: Toolchain, stack: SynthesisedStack, counts: Counts): Promise<void> {
  for (const [id, body] of Object.entries<any>(stack.json.resource?.fastly_service_vcl ?? {})) {
    let kept = '';
    try {
      const errors = await falcoErrors(tools, body, (file) => { kept = file; });
      if (errors.length > 0) counts.failures.push(`${stack.name} ${id}: falco: ${errors.join('; ')} (VCL kept in ${kept})`);
      else counts.linted++;
    } catch (error) {
      counts.failures.push(`${stack.name} ${id}: ${(error as Error).message}`);
    }
  }
}

/** The check must be able to fail: falco has to reject a service whose snippet lacks a semicolon. */
async function proveFalcoRejects(tools: Toolchain): Promise<void> {
  const broken = {
    name: 'canary',
    backend: [{ name: 'origin', address: 'origin.example.com', port: 443, use_ssl: true }],
    snippet: [{ name: 'broken', type: 'recv', priority: 100, content: 'set req.http.X-Canary = "1"' }],
  };
  if ((await falcoErrors(tools, broken, () => undefined)).length === 0) {
    throw new Error('falco accepted a snippet without a semicolon; the VCL check would prove nothing');
  }
}

async function validateAndPlan(tools: Toolchain, stack: SynthesisedStack, counts: Counts): Promise<void> {
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: path.join(tools.dir, 'tofu.rc'),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    // The provider only needs a non-empty key to configure; planning new resources makes no API call.
    FASTLY_API_KEY: 'offline-plan',
  };
  const steps: Array<[string, string[]]> = [
    ['init', ['init', '-input=false', '-no-color']],
    ['validate', ['validate', '-no-color']],
    ['plan', ['plan', '-input=false', '-lock=false', '-no-color']],
  ];
  for (const [step, args] of steps) {
    try {
      await run(tools.tofu, args, { cwd: stack.dir, env, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      counts.failures.push(`${stack.name}: tofu ${step}: ${`${stderr ?? ''}${stdout ?? ''}`.trim()}`);
      return;
    }
    if (step === 'validate') counts.validated++;
    if (step === 'plan') counts.planned++;
  }
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

async function main(): Promise<void> {
  const vclOnly = process.argv.includes('--vcl-only');
  const tools = toolchain(!vclOnly);
  await proveFalcoRejects(tools);
  const stacks: SynthesisedStack[] = [];
  for (const [name, build] of WHOLE_STACKS) {
    const stack = synthesise(name, build);
    if (!stack) throw new Error(`the ${name} stack does not synthesise`);
    stacks.push(stack);
  }
  const specs = fc.sample(appSpec, { numRuns: PROPERTY_APPS, seed: PROPERTY_SEED });
  let synthesised = 0;
  specs.forEach((spec, index) => {
    const stack = synthesise(`property app ${index}`, (app) => buildApp(spec, app));
    if (stack) {
      synthesised++;
      stacks.push(stack);
    }
  });
  console.log(`property apps (seed ${PROPERTY_SEED}): ${specs.length} built, ${synthesised} synthesised, ${specs.length - synthesised} rejected at synth`);

  const counts: Counts = { validated: 0, planned: 0, linted: 0, failures: [] };
  await inParallel(stacks, async (stack) => {
    await lintVcl(tools, stack, counts);
    if (!vclOnly) await validateAndPlan(tools, stack, counts);
  });
  for (const failure of counts.failures) console.error(`FAILED ${failure}`);
  const failed = counts.failures.length;
  console.log(vclOnly
    ? `vcl: ${stacks.length} stacks, ${counts.linted} VCL services linted, ${failed} failed`
    : `provider: ${counts.validated} stacks validated, ${counts.planned} planned, ${counts.linted} VCL services linted, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`check-stacks: ${(error as Error).message}`);
  process.exitCode = 1;
});
