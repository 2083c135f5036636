import { cdktf, javascript } from 'projen';
import { addPackaging } from './projenrc/packaging';

// Versions are pinned to the set that installs and builds offline on Node 20 (see the README's
// "Toolchain" section): cdktf 0.21 is the last HashiCorp release; jsii/TypeScript ~5.9 because
// ts-jest rejects TypeScript 7; minNodeVersion keeps projen off the missing `@types/node@ts5.9` tag.
const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-fastly-origins',
  description: 'Typed, validated CDK for Terraform constructs for Fastly origins: backends, healthchecks, conditions, origin pools and shielded backends.',
  keywords: ['cdktf', 'fastly', 'terraform', 'cdn', 'origin', 'backend', 'constructs'],
  author: 'cdktf-fastly-origins developers',
  authorAddress: 'maintainers@cdktf-fastly-origins.dev',
  repositoryUrl: 'https://github.com/cdktf-fastly-origins/cdktf-fastly-origins.git',
  homepage: 'https://github.com/cdktf-fastly-origins/cdktf-fastly-origins#readme',
  bugsUrl: 'https://github.com/cdktf-fastly-origins/cdktf-fastly-origins/issues',
  license: 'MPL-2.0',
  // Not yet on npm, and the API may still change before 1.0.
  stability: 'experimental',
  defaultReleaseBranch: 'main',
  cdktfVersion: '0.21.0',
  constructsVersion: '^10.5.0',
  // The dev copy of constructs must satisfy cdktf (^10.4.2), projen (^10.5.0) and cdktn
  // (>=10.6.0 <10.8.0), since one install builds and tests both packages: pinned below instead
  // of projen's default (the peer range's minimum, 10.5.0, which cdktn rejects).
  peerDependencyOptions: { pinnedDevDependency: false },
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  minNodeVersion: '20.16.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  github: false,
  release: false,
  depsUpgrade: false,
  // Runtime dependencies, bundled as a jsii library must: the CLI's argument parser; the local Fastly API
  // (src/fastly-api/) serves HTTP; the convert command parses HCL, formats the TypeScript it writes, and reads live
  // services through Fastly's own JavaScript API client (which the tests also drive the local API with).
  bundledDeps: ['commander@14.0.3', 'fastify@5.12.8', '@fastify/multipart@10.1.9', 'tar@7.5.23', '@cdktf/hcl2json@0.21.0', 'prettier@3.10.1',
    'fastly@13.0.0'],
  devDeps: [
    'cdktf@0.21.0',
    'constructs@10.7.2',
    'cdktn@0.24.0',
    '@cdktn/provider-generator@0.24.0',
    'fast-check@4.10.2',
    '@cdktf/provider-generator@0.21.0',
    '@cdktf/commons@0.21.0',
    'codemaker@1.112.0',
  ],
  jestOptions: {
    // The default (`--updateSnapshot`) rewrites snapshots on every run, so they could never fail.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // `npm test` runs this project and the staged cdktn one (build/cdktn/jest.config.json).
      displayName: 'cdktf',
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
      collectCoverage: false,
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples'],
    ignorePatterns: ['src/generated/**', 'lib/**', 'scripts/**'],
    // Lint in CI must report, not rewrite files.
    commandOptions: { fix: false },
  },
  gitignore: ['cdktf.out/', '*.tfstate*', '.bench/'],
  // package.json `files` says what the package holds (see projenrc/packaging.ts).
  npmignoreEnabled: false,
});

project.package.addVersion('0.1.0');

// unrs-resolver@1.13.0 lists optional platform bindings the registry only has at 1.12.2;
// `npm install` skips them silently and `npm ci` then rejects the lock file.
project.package.addPackageResolutions('unrs-resolver@1.12.2');

project.addBins({ 'cdktf-fastly-origins': 'bin/cdktf-fastly-origins' });

const bindingsEnv = { CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '' };
project.addTask('bindings:generate', {
  description: 'Regenerate src/generated from data/provider-schema.json',
  env: bindingsEnv,
  exec: 'node scripts/generate-bindings.js',
});
const bindingsCheck = project.addTask('bindings:check', {
  description: 'Fail if src/generated differs from what data/provider-schema.json generates',
  env: bindingsEnv,
  exec: 'node scripts/generate-bindings.js --check',
});

// `npm test` is the one command CI runs: bindings check, both packages compiled, jest on both, lint.
addPackaging(project, bindingsCheck, bindingsEnv);

const bench = project.addTask('bench', {
  description: 'Measure synth time, peak memory and import cost against baselines measured in the same run',
});
bench.spawn(project.compileTask);
bench.exec('ts-node --transpile-only --project bench/tsconfig.json bench/run.ts');

// The real tools (OpenTofu, the Fastly provider, falco), built from the Go module proxy and cached
// outside the repository; see the README's "Checked by the real tools" section.
project.addTask('toolchain', {
  description: 'Build or reuse OpenTofu, the Fastly provider and falco; prints `toolchain: <dir>` last',
  exec: 'node scripts/toolchain.js',
  receiveArgs: true,
});
const checkStacks = 'ts-node --transpile-only --project test/tsconfig.json test/real/check-stacks.ts';
project.addTask('test:provider', {
  description: 'Validate and plan every test stack with OpenTofu and the Fastly provider, and lint every VCL service with falco',
  exec: checkStacks,
});
project.addTask('test:vcl', {
  description: 'Lint the VCL of every VCL service of every test stack with falco (needs no provider)',
  exec: `${checkStacks} --vcl-only`,
});
const testConvert = project.addTask('test:convert', {
  description: 'Convert every accepted configuration of the Fastly corpus, run the written apps against this checkout and compare (FASTLY_CORPUS_DIR)',
});
testConvert.spawn(project.compileTask);
testConvert.exec('ts-node --transpile-only --project test/tsconfig.json test/convert/round-trip.ts');
// The corpus of configurations Fastly accepted or rejected lives outside the repository; the script finds it.
project.addTask('test:corpus', {
  description: 'Check the built library (lib/) against the corpus of Fastly configurations whose fate is known: no error on accepted ones, one on each rejected one',
  exec: 'node scripts/test-corpus.js',
  receiveArgs: true,
});

project.addTask('synth', {
  description: 'Synthesise the example stack into cdktf.out/ (no terraform or cdktf-cli needed)',
  exec: 'ts-node --transpile-only --project examples/tsconfig.json examples/main.ts',
});

project.synth();
