import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { fastlyClient } from './client';
import { runCli } from '../../src/cli';
import { startFastlyApi } from '../../src/fastly-api';

const ROOT = path.join(__dirname, '..', '..');

/** Runs `cdktf-fastly-origins <args>` from the sources, as the bin script runs the compiled tool. */
function command(args: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register', '-e', "require('./src/cli').runCli(process.argv.slice(1)).then((code) => { process.exitCode = code; })", ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json', TS_NODE_TRANSPILE_ONLY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The first line the command prints on stdout. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk) => (err += chunk));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before printing a line: ${err}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
}

async function stop(child: ChildProcess): Promise<number | null> {
  child.kill('SIGTERM');
  return exitCode(child);
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const LISTENING = /^listening on http:\/\/127\.0\.0\.1:(\d+)$/;

// Each test starts the command in a new Node process that compiles the sources first.
jest.setTimeout(60_000);

describe('cdktf-fastly-origins fastly-api', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'fastly-api-cli-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('prints where it listens, on a port it picked, bound to 127.0.0.1 only', async () => {
    const child = command(['fastly-api']);
    try {
      const line = await firstLine(child);
      expect(line).toMatch(LISTENING);
      const port = Number(LISTENING.exec(line)![1]);
      expect(port).toBeGreaterThan(0);
      expect(await accepts('127.0.0.1', port)).toBe(true);
      // 127.0.0.2 reaches this machine too: a server bound to every address would accept it.
      expect(await accepts('127.0.0.2', port)).toBe(false);
      const response = await fetch(`http://127.0.0.1:${port}/service`, { headers: { 'Fastly-Key': 'k' } });
      expect([response.status, await response.json()]).toEqual([200, []]);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  test('--port N listens on N; --data DIR keeps services across a restart', async () => {
    const port = await freePort();
    const first = command(['fastly-api', '--port', String(port), '--data', directory]);
    let serviceId: string;
    try {
      expect(await firstLine(first)).toBe(`listening on http://127.0.0.1:${port}`);
      const fastly = fastlyClient(`http://127.0.0.1:${port}`);
      ({ id: serviceId } = await fastly.service.createService({ name: 'kept', type: 'vcl' }));
      await fastly.backend.createBackend({ service_id: serviceId, version_id: 1, name: 'web', address: 'web.example.net' });
      await fastly.version.activateServiceVersion({ service_id: serviceId, version_id: 1 });
    } finally {
      await stop(first);
    }
    const second = command(['fastly-api', '--data', directory]);
    try {
      const url = `http://127.0.0.1:${LISTENING.exec(await firstLine(second))![1]}`;
      const details = await fastlyClient(url).service.getServiceDetail({ service_id: serviceId });
      expect(details).toMatchObject({ name: 'kept', active_version: { number: 1, locked: true } });
      expect(details.active_version.backends.map((backend: { name: string }) => backend.name)).toEqual(['web']);
    } finally {
      await stop(second);
    }
  });

  test('a port already in use: an error and exit code 1', async () => {
    const api = await startFastlyApi();
    try {
      const child = command(['fastly-api', '--port', String(api.port)]);
      let err = '';
      child.stderr!.on('data', (chunk) => (err += chunk));
      expect(await exitCode(child)).toBe(1);
      expect(err).toMatch(/^fastly-api: cannot start: .*EADDRINUSE/);
    } finally {
      await api.close();
    }
  });

  test.each([
    [['--port', 'http'], 'error: option \'--port <n>\' argument \'http\' is invalid. expected a port number from 0 to 65535.'],
    [['--port', '70000'], 'error: option \'--port <n>\' argument \'70000\' is invalid. expected a port number from 0 to 65535.'],
    [['--bind', '0.0.0.0'], 'error: unknown option \'--bind\''],
  ])('bad usage %p: exit code 2 and an error', async (args, message) => {
    const err: string[] = [];
    expect(await runCli(['fastly-api', ...args], { out: () => undefined, err: (line) => err.push(line), readFile: () => '' })).toBe(2);
    expect(err).toEqual([message, '(run "cdktf-fastly-origins fastly-api --help" for usage)']);
  });
});

test('startFastlyApi with a data directory keeps the state for the next start', async () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'fastly-api-data-'));
  try {
    const first = await startFastlyApi({ dataDir: directory });
    const { id } = await fastlyClient(first.url).service.createService({ name: 'persisted', type: 'wasm' });
    await first.close();
    const second = await startFastlyApi({ dataDir: directory });
    expect(await fastlyClient(second.url).service.getService({ service_id: id })).toMatchObject({ name: 'persisted', type: 'wasm' });
    await second.close();
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
});
