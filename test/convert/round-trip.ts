/**
 * Round trip over the configuration corpus: converts every accepted configuration, compiles and
 * runs the written apps against this checkout's built library, and compares each synthesised
 * service with its source (same blocks by name, the same values after Terraform's type
 * conversion, the provider's defaults for what the source leaves out).
 *
 *   npm run test:convert                   (after a compile; CI runs it)
 *   FASTLY_CORPUS_DIR=<dir> npm run test:convert
 *   VERBOSE=1 npm run test:convert         also prints each written app's report
 *
 * Ends with `convert: N converted, N equivalent, N differ`; exits 1 unless every configuration
 * converted and is equivalent.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { convertSource, readTerraformFile } from '../../src/convert';
import { compareServices } from '../../src/convert/compare';
import { serviceFromTerraformJson } from '../../src/convert/model';

const root = path.resolve(__dirname, '..', '..');

/** The corpus (scripts/corpus.js says where it is looked for). */
function corpusDir(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { dir, candidates } = require(path.join(root, 'scripts', 'corpus')).locateCorpus();
  if (dir === undefined) {
    throw new Error(`convert: corpus not found (looked for manifest.json in ${candidates.map(([, candidate]: string[]) => candidate).join(', ')}); `
      + 'set FASTLY_CORPUS_DIR');
  }
  return dir;
}

/** A temp folder where `cdktf-fastly-origins` is this checkout, the way an installed package would be. */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-round-trip-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(root, path.join(dir, 'node_modules', 'cdktf-fastly-origins'), 'dir');
  for (const dependency of ['cdktf', 'constructs']) {
    fs.symlinkSync(path.join(root, 'node_modules', dependency), path.join(dir, 'node_modules', dependency), 'dir');
  }
  return dir;
}

/** Type-checks and compiles every written app in one TypeScript program. */
function compile(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  });
  const result = program.emit();
  return [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].map((diagnostic) => {
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    return `${diagnostic.file?.fileName ?? ''}${where ? `:${where.line + 1}:${where.character + 1}` : ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  const corpus = corpusDir();
  const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8'));
  const accepted: Array<{ file: string }> = manifest.files.filter((entry: { expectation: string }) => entry.expectation === 'accepted');
  const dir = workspace();
  const apps: Array<{ file: string; main: string; sources: Awaited<ReturnType<typeof readTerraformFile>> }> = [];
  const failures: string[] = [];
  for (const [index, entry] of accepted.entries()) {
    try {
      const source = await readTerraformFile(path.join(corpus, entry.file));
      const conversion = await convertSource(source);
      const appDir = path.join(dir, String(index));
      fs.mkdirSync(appDir);
      fs.writeFileSync(path.join(appDir, 'main.ts'), conversion.files['main.ts']);
      apps.push({ file: entry.file, main: path.join(appDir, 'main.ts'), sources: source });
      if (process.env.VERBOSE) console.log(conversion.report.join('\n'));
    } catch (error) {
      failures.push(`${entry.file}: conversion failed: ${(error as Error).stack}`);
    }
  }
  const converted = Date.now();
  const diagnostics = compile(apps.map((app) => app.main));
  const compiled = Date.now();
  const broken = new Set(diagnostics.map((line) => line.slice(0, line.indexOf(':'))));
  diagnostics.forEach((line) => failures.push(`compile: ${line}`));

  let equivalent = 0;
  let differ = 0;
  for (const app of apps) {
    if (broken.has(app.main)) {
      differ++;
      continue;
    }
    const outdir = path.join(path.dirname(app.main), 'cdktf.out');
    process.env.CDKTF_OUTDIR = outdir;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(app.main.replace(/\.ts$/, '.js'));
      const [stack] = fs.readdirSync(path.join(outdir, 'stacks'));
      const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      const differences = app.sources.services.flatMap((source) => {
        const body = json.resource?.[source.resourceType]?.[source.resourceName];
        if (!body) return [`${source.resourceType}.${source.resourceName}: missing from the synthesised stack`];
        const synthesised = serviceFromTerraformJson(source.resourceType, source.resourceName, body, 'synth');
        return compareServices(source, synthesised).map((difference) => `${source.resourceType}.${source.resourceName} ${difference.path}: `
          + `source ${JSON.stringify(difference.expected)}, app ${JSON.stringify(difference.actual)}`);
      });
      if (differences.length === 0) {
        equivalent++;
      } else {
        differ++;
        failures.push(`${app.file}:\n    ${differences.join('\n    ')}`);
      }
    } catch (error) {
      differ++;
      failures.push(`${app.file}: the written app failed: ${(error as Error).message}`);
    }
  }
  const ran = Date.now();
  failures.forEach((failure) => console.log(failure));
  console.log(`timing: convert ${converted - started} ms, compile ${compiled - converted} ms, run and compare ${ran - compiled} ms`);
  console.log(`convert: ${apps.length} converted, ${equivalent} equivalent, ${differ + (accepted.length - apps.length)} differ`);
  fs.rmSync(dir, { recursive: true, force: true });
  return apps.length === accepted.length && differ === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
}, (error) => {
  console.error(error);
  process.exitCode = 1;
});
