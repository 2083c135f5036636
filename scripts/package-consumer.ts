// A user's app, as the README shows it. scripts/test-packages.js copies it into a fresh project
// that has one packed package and its runtime installed (for cdktn-fastly-origins with the imports
// rewritten, as when an app moves to cdktn), compiles it with the user's TypeScript and runs it:
//
//   node consumer.js app <outdir>          App.synth() into <outdir>
//   node consumer.js testing               print Testing.synth(stack, true)
//   node consumer.js bad-app <outdir>      App.synth() of a pool with a URL as origin address
//   node consumer.js bad-testing           Testing.synth(stack, true) of the same
//
// It prints one JSON line: { "synthesised": <Testing.synth JSON> } or { "error": <message> }.
import { App, TerraformStack, Testing } from 'cdktf';
import { FastlyProvider, OriginPool, VclService } from 'cdktf-fastly-origins';

const BAD_ADDRESS = 'https://web-1.example.net';

function edgeStack(app: App, firstAddress: string): TerraformStack {
  const stack = new TerraformStack(app, 'edge');
  new FastlyProvider(stack, 'fastly', {});
  const site = new VclService(stack, 'site', { name: 'www-example', domains: ['www.example.com'] });
  new OriginPool(site, 'web', {
    origins: [{ address: firstAddress }, { address: 'web-2.example.net' }],
    healthcheck: { path: '/healthz' },
  });
  return stack;
}

function run(mode: string, outdir: string): object {
  const address = mode.startsWith('bad-') ? BAD_ADDRESS : 'web-1.example.net';
  if (mode === 'app' || mode === 'bad-app') {
    const app = new App({ outdir, stackTraces: false });
    edgeStack(app, address);
    app.synth();
    return { synthesised: null };
  }
  return { synthesised: JSON.parse(Testing.synth(edgeStack(Testing.app(), address), true)) };
}

const [mode, outdir] = process.argv.slice(2);
try {
  process.stdout.write(`${JSON.stringify(run(mode, outdir))}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: (error as Error).message })}\n`);
}
