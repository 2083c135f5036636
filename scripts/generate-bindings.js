#!/usr/bin/env node
// Generates the typed L1 bindings from data/provider-schema.json, offline, for either runtime.
//
//   node scripts/generate-bindings.js           rewrite src/generated/ (cdktf)
//   node scripts/generate-bindings.js --check   fail if src/generated/ is not what the schema generates
//
// scripts/stage-cdktn.js calls generate(dir, 'cdktn') for cdktn-fastly-origins' bindings, which are
// not committed. Whatever the schema holds is generated: the script knows no resource names.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

// The range the bindings are generated for. It is written into `required_providers` of every
// stack that uses the library: a 9.x range, never an exact pin. 9.5.1 is the first release that
// creates Compute healthchecks before the backends that refer to them.
const PROVIDER_CONSTRAINT = 'fastly/fastly@>= 9.5.1, < 10.0.0';

const root = path.resolve(__dirname, '..');
const schemaFile = path.join(root, 'data', 'provider-schema.json');
const outDir = path.join(root, 'src', 'generated');

// Bindings generated for one runtime crash in the other's stacks, so each runtime has its generator.
const GENERATORS = {
  cdktf: () => ({
    // Loaded by its deep path: the package index requires jsii-pacmak, which
    // @cdktf/provider-generator does not declare as a dependency.
    TerraformProviderGenerator: require('@cdktf/provider-generator/lib/get/generator/provider-generator').TerraformProviderGenerator,
    CodeMaker: require('codemaker').CodeMaker,
    commons: require('@cdktf/commons'),
  }),
  cdktn: () => {
    const generator = require('@cdktn/provider-generator');
    // The commons the generator itself was built with, so its target classes are the ones it expects.
    const commons = require(require.resolve('@cdktn/commons', { paths: [path.dirname(require.resolve('@cdktn/provider-generator'))] }));
    return { TerraformProviderGenerator: generator.TerraformProviderGenerator, CodeMaker: generator.CodeMaker, commons };
  },
};

async function generate(targetDir, runtime = 'cdktf') {
  if (!GENERATORS[runtime]) throw new Error(`unknown runtime "${runtime}": expected one of ${Object.keys(GENERATORS).join(', ')}`);
  const { TerraformProviderGenerator, CodeMaker, commons } = GENERATORS[runtime]();
  const { ConstructsMakerProviderTarget, TerraformProviderConstraint, LANGUAGES } = commons;

  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, schema);
  const typescript = LANGUAGES.find((language) => language === 'typescript');
  generator.generate(new ConstructsMakerProviderTarget(new TerraformProviderConstraint(PROVIDER_CONSTRAINT), typescript));
  fs.rmSync(targetDir, { recursive: true, force: true });
  await code.save(targetDir);
  // The generator writes providers/fastly/...; flatten it so src/generated/ is the provider's folder.
  const nested = path.join(targetDir, 'providers', 'fastly');
  for (const entry of fs.readdirSync(nested)) {
    fs.renameSync(path.join(nested, entry), path.join(targetDir, entry));
  }
  fs.rmSync(path.join(targetDir, 'providers'), { recursive: true });
  for (const file of listFiles(targetDir)) rewriteDocLinks(path.join(targetDir, file));
}

// The generator links every attribute to the provider's page on the public Terraform registry.
// The links are rewritten to the plain page reference (`fastly provider docs/resources/service_vcl#backend`),
// which says the same without naming a host.
const DOC_URL = 'https:\\/\\/registry\\.terraform\\.io\\/providers\\/fastly\\/fastly\\/[^/\\s]+\\/docs([^\\s)}]*)';
const DOC_LINK = new RegExp(`\\{@link ${DOC_URL} ([^}]*)\\}`, 'g');
function rewriteDocLinks(file) {
  const text = fs.readFileSync(file, 'utf8');
  const rewritten = text
    .replace(DOC_LINK, '$2 (fastly provider docs$1)')
    .replace(new RegExp(DOC_URL, 'g'), 'fastly provider docs$1');
  if (rewritten !== text) fs.writeFileSync(file, rewritten);
}

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  }).sort();
}

function differences(expectedDir, actualDir) {
  const expected = listFiles(expectedDir);
  const actual = fs.existsSync(actualDir) ? listFiles(actualDir) : [];
  const problems = [];
  for (const file of expected) {
    if (!actual.includes(file)) problems.push(`missing: ${file}`);
    else if (!fs.readFileSync(path.join(expectedDir, file)).equals(fs.readFileSync(path.join(actualDir, file)))) problems.push(`differs: ${file}`);
  }
  for (const file of actual) {
    if (!expected.includes(file)) problems.push(`not generated: ${file}`);
  }
  return problems;
}

async function main() {
  const started = Date.now();
  if (!process.argv.includes('--check')) {
    await generate(outDir);
    console.log(`generated ${listFiles(outDir).length} files in src/generated/ (${Date.now() - started} ms)`);
    return;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fastly-bindings-'));
  try {
    await generate(scratch);
    const problems = differences(scratch, outDir);
    if (problems.length > 0) {
      console.error('src/generated/ is out of date with data/provider-schema.json:');
      for (const problem of problems) console.error(`  ${problem}`);
      console.error('Run `npx projen bindings:generate` and commit the result. Never edit generated files by hand.');
      process.exitCode = 1;
      return;
    }
    console.log(`bindings up to date: ${listFiles(outDir).length} files match data/provider-schema.json (${Date.now() - started} ms)`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { generate };
