import { cdktf, Task } from 'projen';

/** Where scripts/stage-cdktn.js stages cdktn-fastly-origins: git-ignored, rebuilt by every compile. */
export const CDKTN_STAGE = 'build/cdktn';

// Both packages are built against the one constructs version both runtimes accept (10.7.x), not
// against the minimum of each peer range, which is what metadata/missing-dev-dependency asks for.
const JSII_COMPILE = 'jsii --silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency';
// The compiled entry point loads the generated bindings on first use (see the script).
const LAZY_BINDINGS = 'node scripts/lazy-bindings.js';
const DOCGEN = 'jsii-docgen -o API.md -s root';
// jsii-docgen renders the jsii assembly, which has no functions, constants or type aliases: a script
// adds them from the TypeScript declarations.
const DOCGEN_FUNCTIONS = 'node scripts/docgen-functions.js';
// Says in a package's API.md how its names map onto the other package's.
const API_NOTE = 'node scripts/api-reference-note.js';

/**
 * Builds, tests and packs cdktn-fastly-origins from the same source as cdktf-fastly-origins, and
 * makes the cdktf package installable from a clean clone. `compile` builds both packages,
 * `npm test` runs the jest suite on both, `package:js` writes both tarballs to dist/js/, and
 * `test:packages` installs each tarball into a fresh project with only its runtime.
 */
export function addPackaging(project: cdktf.ConstructLibraryCdktf, bindingsCheck: Task, bindingsEnv: Record<string, string>): void {
  // jsii prints a screen-high end-of-life banner on Node 20 in every task that runs it.
  project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

  project.gitignore.exclude(`/${CDKTN_STAGE.split('/')[0]}/`);
  // What users need, and nothing of the development tree (.ci/, cdktf.json, cdktf.out/, src/, test/).
  // .jsii is the assembly other jsii libraries compile against.
  project.package.addField('files', ['lib/**/*.js', 'lib/**/*.d.ts', 'bin/', 'data/*.json', 'API.md', '.jsii']);

  const stage = project.addTask('cdktn:stage', {
    description: `Stage cdktn-fastly-origins in ${CDKTN_STAGE}/: cdktn imports, cdktn-generated bindings, its own package.json`,
    env: bindingsEnv,
    exec: 'node scripts/stage-cdktn.js',
  });
  const compileCdktn = project.addTask('cdktn:compile', { description: 'Stage and compile cdktn-fastly-origins with jsii' });
  compileCdktn.spawn(stage);
  compileCdktn.exec(JSII_COMPILE, { cwd: CDKTN_STAGE });
  compileCdktn.exec(`${LAZY_BINDINGS} ${CDKTN_STAGE}`);
  project.compileTask.reset(JSII_COMPILE);
  project.compileTask.exec(LAZY_BINDINGS);
  project.compileTask.spawn(compileCdktn);

  // API.md documents the constructs; the generated L1 namespaces are documented by their own code.
  // The committed API.md is cdktf-fastly-origins'; cdktn-fastly-origins' is made when it is packed.
  const docgen = project.tasks.tryFind('docgen')!;
  docgen.reset(DOCGEN);
  docgen.exec(DOCGEN_FUNCTIONS);
  docgen.exec(API_NOTE);
  const docgenCdktn = project.addTask('cdktn:docgen', {
    description: 'Generate the API.md that ships in cdktn-fastly-origins',
    steps: [{ exec: DOCGEN, cwd: CDKTN_STAGE }, { exec: `${DOCGEN_FUNCTIONS} ${CDKTN_STAGE}` }, { exec: `${API_NOTE} ${CDKTN_STAGE}` }],
  });

  // pacmak packs with `npm pack`, which would run prepack (a second compile) without
  // ignore-scripts; `files` decides what is packed, so pacmak must not write an .npmignore.
  const pacmak = 'jsii-pacmak -v --target js --no-npmignore';
  const packageJs = project.tasks.tryFind('package:js')!;
  packageJs.reset(pacmak);
  packageJs.spawn(docgenCdktn);
  packageJs.exec(pacmak, { cwd: CDKTN_STAGE });
  packageJs.env('npm_config_ignore_scripts', 'true');

  // `npm pack` on a clean clone (after `npm ci`) compiles first, so the tarball has lib/.
  const prepack = project.addTask('prepack', { description: 'Compile cdktf-fastly-origins before npm pack', exec: JSII_COMPILE });
  prepack.exec(LAZY_BINDINGS);

  // `npm test`: bindings check, both packages compiled (type-checked), jest on both, lint.
  const eslint = project.tasks.tryFind('eslint')!;
  project.testTask.reset();
  project.testTask.spawn(bindingsCheck);
  project.testTask.spawn(project.compileTask);
  // --projects takes every word up to the next option, so it goes first: `npm test -- <path>` filters.
  project.testTask.exec(`jest --projects . ${CDKTN_STAGE} --passWithNoTests --ci`, { receiveArgs: true });
  project.testTask.spawn(eslint);

  const testPackages = project.addTask('test:packages', {
    description: 'Pack both packages and install each into a fresh project with only its runtime: synth, Testing.synth, a bad address, the CLI',
  });
  testPackages.spawn(project.compileTask);
  testPackages.spawn(packageJs);
  testPackages.exec('node --test --test-reporter=spec scripts/test-packages.js');

  project.addTask('synth:cdktn', {
    description: `Synthesise the example stack with cdktn into ${CDKTN_STAGE}/cdktf.out/`,
    steps: [
      { spawn: stage.name },
      { exec: 'ts-node --transpile-only --project examples/tsconfig.json examples/main.ts', cwd: CDKTN_STAGE },
    ],
  });
}
