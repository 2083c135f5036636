#!/usr/bin/env node
// Proves from the tarballs in dist/js/ that both packages work for a user:
//
//   - each tarball holds only lib/, bin/, the runtime data files, README, LICENSE, API.md,
//     package.json and .jsii, with the version, homepage, bugs and peers a user installs against;
//   - each installs into a fresh project with only its runtime (cdktf-fastly-origins with cdktf and
//     constructs, cdktn-fastly-origins with cdktn and constructs), and not the other runtime;
//   - a TypeScript app (scripts/package-consumer.ts) compiles against it, synthesises a stack with an
//     OriginPool through App.synth() and through Testing.synth(stack, true), and a URL as origin
//     address fails both with the library's error, writing no cdk.tf.json;
//   - the command line tool runs under the package's own name;
//   - both packages have the same API, under their own names.
//
// Run by `npm run test:packages`, which compiles and packs first. It needs the npm registry (or
// npm's cache) for the runtimes, about 30 s per package.
'use strict';
const { after, before, describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { rewriteSource } = require('./stage-cdktn');

const root = path.resolve(__dirname, '..');
const rootManifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const DATA_FILES = fs.readdirSync(path.join(root, 'data')).filter((file) => file.endsWith('.json')).sort();
// The TypeScript a user compiles with: the version this project builds with.
const USER_TOOLCHAIN = [`typescript@${require('typescript/package.json').version}`, '@types/node@20'];

const BAD_ADDRESS_ERROR = [
  'Validation failed with the following errors:',
  '  [edge/site/web/origins[0]] address: got "https://web-1.example.net"; allowed: a hostname (e.g. "origin.example.com"), '
    + 'an IPv4 or an IPv6 address; remove the scheme: give only the host, and use useSsl/port for the protocol [backend/address]',
  '',
  'If you wish to ignore these validations, pass \'skipValidation: true\' to your App configuration.',
  '',
].join('\n');

const PACKAGES = [
  { name: 'cdktf-fastly-origins', runtime: 'cdktf', other: 'cdktn', otherName: 'cdktn-fastly-origins', toSource: (text) => text },
  { name: 'cdktn-fastly-origins', runtime: 'cdktn', other: 'cdktf', otherName: 'cdktf-fastly-origins', toSource: rewriteSource },
];

function tarballOf(name) {
  return path.join(root, 'dist', 'js', `${name}@${rootManifest.version}.jsii.tgz`);
}

/** The files of a package's tarball, relative to the package folder. */
function filesOf(name) {
  return run('tar', ['-tzf', tarballOf(name)], root).trim().split('\n').map((file) => file.replace(/^package\//, '')).sort();
}

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The consumer app's one JSON line for `mode`. */
function consume(project, mode, ...args) {
  return JSON.parse(run(process.execPath, ['consumer.js', mode, ...args], project).trim());
}

for (const pkg of PACKAGES) {
  describe(pkg.name, () => {
    const tarball = tarballOf(pkg.name);
    let project;
    let manifest;

    before(() => {
      assert.ok(fs.existsSync(tarball), `${tarball} is missing: run \`npx projen package:js\` (or \`npm run test:packages\`)`);
      manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], root));
      project = fs.mkdtempSync(path.join(os.tmpdir(), `${pkg.name}-user-`));
      fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'edge-app', private: true }));
      const runtime = Object.entries(manifest.peerDependencies).map(([name, range]) => `${name}@${range}`);
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...runtime, ...USER_TOOLCHAIN], project);
      fs.writeFileSync(path.join(project, 'consumer.ts'), pkg.toSource(fs.readFileSync(path.join(__dirname, 'package-consumer.ts'), 'utf8')));
      fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
        compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', types: ['node'], skipLibCheck: false },
        files: ['consumer.ts'],
      }));
    });

    after(() => {
      if (project) fs.rmSync(project, { recursive: true, force: true });
    });

    test('holds only what users need', () => {
      const files = filesOf(pkg.name);
      // Dependencies that are not jsii modules ship inside the package (bundledDependencies).
      const bundled = manifest.bundledDependencies ?? [];
      const allowed = new RegExp(`^(lib/.+\\.(js|d\\.ts)|bin/${pkg.name}|data/[^/]+\\.json|README\\.md|LICENSE|API\\.md|package\\.json|\\.jsii${bundled.length > 0 ? '|node_modules/.+' : ''})$`);
      assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
      const required = ['lib/index.js', 'lib/index.d.ts', `bin/${pkg.name}`, 'README.md', 'LICENSE', 'API.md', '.jsii',
        ...DATA_FILES.map((file) => `data/${file}`), ...bundled.map((name) => `node_modules/${name}/package.json`)];
      for (const file of required) assert.ok(files.includes(file), `${file} is not in the package`);
    });

    test('says what it is and what it needs', () => {
      assert.equal(manifest.name, pkg.name);
      assert.equal(manifest.version, rootManifest.version);
      assert.equal(manifest.homepage, rootManifest.homepage);
      assert.deepEqual(manifest.bugs, rootManifest.bugs);
      assert.deepEqual(manifest.bin, { [pkg.name]: `bin/${pkg.name}` });
      assert.deepEqual(Object.keys(manifest.peerDependencies).sort(), [pkg.runtime, 'constructs'].sort());
      assert.match(fs.readFileSync(path.join(project, 'node_modules', pkg.name, 'README.md'), 'utf8'), new RegExp(`^# ${pkg.name}\\n`));
      const api = fs.readFileSync(path.join(project, 'node_modules', pkg.name, 'API.md'), 'utf8');
      assert.match(api, new RegExp(`This reference uses \`${pkg.name}\`'s names; with \`${pkg.otherName}\``));
      assert.match(api, new RegExp(`^import \\{ OriginPool \\} from '${pkg.name}'$`, 'm'));
    });

    test('installs with its own runtime only', () => {
      const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', pkg.runtime, 'package.json'), 'utf8'));
      assert.ok(installed.version, `${pkg.runtime} is not installed`);
      assert.ok(!fs.existsSync(path.join(project, 'node_modules', pkg.other)), `${pkg.other} was installed with ${pkg.name}`);
      // npm ls exits non-zero on a missing or unmet peer dependency anywhere in the tree.
      run('npm', ['ls', '--all', '--loglevel=error'], project);
    });

    test('compiles with the user\'s TypeScript', () => {
      run(path.join(project, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], project);
      assert.ok(fs.existsSync(path.join(project, 'consumer.js')));
    });

    test('synthesises an OriginPool through App.synth() and Testing.synth(stack, true)', () => {
      const outdir = path.join(project, 'cdktf.out');
      assert.deepEqual(consume(project, 'app', outdir), { synthesised: null });
      const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'edge', 'cdk.tf.json'), 'utf8'));
      const runtimeVersion = require(path.join(project, 'node_modules', pkg.runtime, 'package.json')).version;
      assert.equal(written['//'].metadata.version, runtimeVersion, `synthesised by ${pkg.runtime}`);
      assert.deepEqual(written.terraform.required_providers.fastly, { source: 'fastly/fastly', version: '>= 9.5.1, < 10.0.0' });
      const [service] = Object.values(written.resource.fastly_service_vcl);
      assert.deepEqual(service.backend.map((backend) => [backend.name, backend.address, backend.healthcheck]),
        [['web-1', 'web-1.example.net', 'web-health'], ['web-2', 'web-2.example.net', 'web-health']]);
      assert.deepEqual(service.healthcheck.map((check) => [check.name, check.host, check.path]), [['web-health', 'web-1.example.net', '/healthz']]);

      const { synthesised } = consume(project, 'testing');
      assert.deepEqual(synthesised.resource, JSON.parse(JSON.stringify(written.resource, (key, value) => (key === '//' ? undefined : value))));
    });

    test('reports a URL as origin address at synth, and writes nothing', () => {
      const outdir = path.join(project, 'bad.out');
      assert.deepEqual(consume(project, 'bad-app', outdir), { error: BAD_ADDRESS_ERROR });
      assert.ok(!fs.existsSync(path.join(outdir, 'stacks', 'edge', 'cdk.tf.json')), 'cdk.tf.json was written');
      assert.deepEqual(consume(project, 'bad-testing'), { error: BAD_ADDRESS_ERROR });
    });

    test('loads the provider bindings and its servers only when they are used', () => {
      const loaded = (use) => JSON.parse(run(process.execPath, ['-e', `require('${pkg.runtime}'); const lib = require('${pkg.name}'); ${use};
        console.log(JSON.stringify(Object.keys(require.cache).map((file) => file.split('node_modules/').pop())
          .filter((file) => file.startsWith('${pkg.name}/lib/generated/') || /^(fastify|fastly|prettier)\\//.test(file)).map((file) => file.split('/').slice(0, -1).join('/'))
          .filter((folder, index, all) => all.indexOf(folder) === index)))`], project));
      assert.deepEqual(loaded(''), [`${pkg.name}/lib/generated/provider`]);
      assert.deepEqual(loaded('lib.serviceVcl.ServiceVcl'), [`${pkg.name}/lib/generated/provider`, `${pkg.name}/lib/generated/service-vcl`]);
    });

    test('runs its command line tool under its own name', () => {
      const bin = path.join(project, 'node_modules', '.bin', pkg.name);
      const help = run(bin, ['--help'], project);
      assert.match(help, new RegExp(`\\b${pkg.name}\\b`));
      assert.doesNotMatch(help, new RegExp(pkg.otherName));
      const lint = spawnSync(bin, ['lint', path.join('cdktf.out', 'stacks', 'edge', 'cdk.tf.json')], { cwd: project, encoding: 'utf8' });
      assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    });
  });
}

/**
 * Every type of an assembly with its kind and public members, named without the package name.
 * Protected members are left out: cdktf's generator declares the generated list classes'
 * constructor parameters as protected properties, cdktn's does not.
 */
function apiOf(name) {
  const assembly = JSON.parse(run('tar', ['-xzOf', tarballOf(name), 'package/.jsii'], root));
  const publicNames = (members = []) => members.filter((member) => !member.protected).map((member) => member.name).sort();
  return Object.values(assembly.types).map((type) => [
    type.fqn.replace(`${name}.`, ''),
    type.kind,
    publicNames(type.properties),
    publicNames(type.methods),
    publicNames(type.members),
  ]).sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * The packages a tarball bundles, as `path@version`. (npm packs a bundled package by that package's
 * own `files` from the project's install, but all of a copied one from the staged cdktn folder, so
 * the files around the code, such as a CHANGELOG, may differ; the packages and versions may not.)
 */
function bundledPackagesOf(name) {
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-unpacked-`));
  try {
    run('tar', ['-xzf', tarballOf(name), '-C', unpacked], root);
    return filesOf(name).filter((file) => /^(node_modules\/(@[^/]+\/)?[^/]+\/)+package\.json$/.test(file)).map((file) =>
      `${path.dirname(file)}@${JSON.parse(fs.readFileSync(path.join(unpacked, 'package', file), 'utf8')).version}`);
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
}

test('both packages bundle the same dependencies', () => {
  const [cdktf, cdktn] = PACKAGES.map((pkg) => bundledPackagesOf(pkg.name));
  assert.ok(cdktf.length > 0, 'no bundled dependency found');
  assert.deepEqual(cdktn, cdktf);
});

test('both packages have the same public API under their own names', () => {
  const [cdktf, cdktn] = PACKAGES.map((pkg) => apiOf(pkg.name));
  assert.ok(cdktf.length > 0);
  assert.deepEqual(cdktn, cdktf);
});
