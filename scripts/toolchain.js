#!/usr/bin/env node
// Builds the real tools that judge the library's output — OpenTofu, the Fastly Terraform provider
// and falco — from source through the Go module proxy, or reuses them from a cache outside the
// repository keyed by the pins in scripts/toolchain.json and the Go version.
//
//   node scripts/toolchain.js                      build or reuse all three
//   node scripts/toolchain.js --without-provider   tofu and falco only (says so loudly)
//
// The last line is `toolchain: <dir>`, with <dir>/bin/tofu, <dir>/bin/falco, <dir>/mirror/ (a
// provider filesystem mirror for both registry hostnames) and <dir>/tofu.rc (a CLI configuration
// that installs providers from that mirror only, so nothing leaves the machine).
// The cache root is $FASTLY_TOOLCHAIN_CACHE, else $XDG_CACHE_HOME/cdktf-fastly-origins, else
// ~/.cache/cdktf-fastly-origins. Go's own module and build caches are reused as usual.
'use strict';
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const PINS = JSON.parse(fs.readFileSync(path.join(__dirname, 'toolchain.json'), 'utf8'));
const REGISTRY_HOSTS = ['registry.opentofu.org', 'registry.terraform.io'];
const PLATFORM = 'linux_amd64';

class ToolchainError extends Error {}

function cacheRoot() {
  if (process.env.FASTLY_TOOLCHAIN_CACHE) return path.resolve(process.env.FASTLY_TOOLCHAIN_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'cdktf-fastly-origins');
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new ToolchainError(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new ToolchainError(`\`${[command, ...args].join(' ')}\` exited ${result.status}:\n${(result.stderr || result.stdout).trim()}`);
  }
  return result.stdout;
}

/** The Go version, checked against the newest `go` directive of the pinned modules. */
function goVersion() {
  const version = run('go', ['env', 'GOVERSION']).trim().replace(/^go/, '');
  const [have, need] = [version, PINS.go].map((v) => v.split('.').map(Number));
  const comparison = need.map((n, i) => (have[i] ?? 0) - n).find((difference) => difference !== 0) ?? 0;
  if (comparison < 0) throw new ToolchainError(`go ${version} is older than the ${PINS.go} the pinned tools need`);
  return version;
}

/** Downloads a module through the proxy (`go mod download`, so replace directives do not matter) and builds one package of it. */
function buildTool(name, pin, output, goEnv) {
  const started = Date.now();
  const command = ['go', 'mod', 'download', '-json', `${pin.module}@${pin.version}`];
  const download = spawnSync(command[0], command.slice(1), { encoding: 'utf8', env: goEnv });
  let info;
  try {
    info = JSON.parse(download.stdout);
  } catch {
    throw new ToolchainError(`\`${command.join(' ')}\` failed:\n${download.stderr.trim()}`);
  }
  if (info.Error) throw new ToolchainError(`the Go module proxy did not serve ${name}: \`${command.join(' ')}\` answered:\n  ${info.Error}`);
  // The module cache is read-only; build in a writable copy.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `toolchain-${name}-`));
  try {
    fs.cpSync(info.Dir, work, { recursive: true });
    run('chmod', ['-R', 'u+w', work]);
    fs.mkdirSync(path.dirname(output), { recursive: true });
    run('go', ['build', '-trimpath', '-ldflags', pin.ldflags, '-o', output, pin.package],
      { cwd: work, env: { ...goEnv, CGO_ENABLED: '0', GOFLAGS: '-mod=mod -buildvcs=false' } });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.error(`toolchain: built ${name} ${info.Version} in ${Math.round((Date.now() - started) / 1000)} s`);
  return info.Version;
}

/** One tool's binary in its own cache folder, built once per pin and Go version. */
function tool(name, binaryName, root, go, goEnv) {
  const pin = PINS[name];
  const key = crypto.createHash('sha256').update(JSON.stringify({ pin, go })).digest('hex').slice(0, 12);
  const dir = path.join(root, 'tools', `${name}-${key}`);
  const binary = path.join(dir, binaryName);
  const marker = path.join(dir, 'built.json');
  if (fs.existsSync(marker) && fs.existsSync(binary)) {
    console.error(`toolchain: reusing ${name} from ${dir}`);
    return binary;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const version = buildTool(name, pin, binary, goEnv);
  fs.writeFileSync(marker, `${JSON.stringify({ module: pin.module, pin: pin.version, version, go }, null, 2)}\n`);
  return binary;
}

function link(target, at) {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.rmSync(at, { force: true });
  fs.symlinkSync(target, at);
}

function main() {
  const withoutProvider = process.argv.includes('--without-provider');
  const unknown = process.argv.slice(2).filter((arg) => arg !== '--without-provider');
  if (unknown.length > 0) throw new ToolchainError(`unknown argument ${unknown[0]}; usage: toolchain.js [--without-provider]`);
  const root = cacheRoot();
  const go = goVersion();
  // The module proxy is the only source: its fallback to fetching from version control ("direct")
  // is dropped, and the machine's own Go toolchain builds.
  const proxies = run('go', ['env', 'GOPROXY']).trim().split(/[,|]/).filter((proxy) => proxy !== 'direct' && proxy !== 'off');
  if (proxies.length === 0) throw new ToolchainError('GOPROXY names no module proxy; the tools are built from a Go module proxy only');
  const goEnv = { ...process.env, GOPROXY: proxies.join(','), GOTOOLCHAIN: 'local', GONOSUMDB: '', GOPRIVATE: '' };
  const binaries = {
    tofu: tool('tofu', 'tofu', root, go, goEnv),
    falco: tool('falco', 'falco', root, go, goEnv),
  };
  const providerVersion = PINS.provider.providerVersion;
  const providerFile = `terraform-provider-fastly_v${providerVersion}`;
  if (!withoutProvider) binaries.provider = tool('provider', providerFile, root, go, goEnv);

  const key = crypto.createHash('sha256').update(JSON.stringify(binaries)).digest('hex').slice(0, 12);
  const dir = path.join(root, `toolchain-${key}`);
  link(binaries.tofu, path.join(dir, 'bin', 'tofu'));
  link(binaries.falco, path.join(dir, 'bin', 'falco'));
  const mirror = path.join(dir, 'mirror');
  fs.mkdirSync(mirror, { recursive: true });
  if (binaries.provider) {
    for (const host of REGISTRY_HOSTS) {
      link(binaries.provider, path.join(mirror, host, 'fastly', 'fastly', providerVersion, PLATFORM, providerFile));
    }
  } else {
    console.error('toolchain: the Fastly provider was NOT built (--without-provider): tofu init, validate and plan cannot run with this toolchain');
  }
  fs.writeFileSync(path.join(dir, 'tofu.rc'), [
    '# Providers come from the local mirror only; nothing is downloaded.',
    'provider_installation {',
    `  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }`,
    '}',
    '',
  ].join('\n'));
  console.log(`toolchain: ${dir}`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof ToolchainError)) throw error;
  console.error(`toolchain: ${error.message}`);
  process.exitCode = 1;
}
