import * as fs from 'fs';
import * as path from 'path';
import { App, Testing, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { FastlyProvider, VclService, VclServiceProps } from '../src';

/** A stack with a Fastly provider, as users write it. */
export function newStack(app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, 'edge');
  new FastlyProvider(stack, 'fastly', {});
  return stack;
}

/** A stack with one VCL service `site`, for tests that add origins to it. */
export function newVclService(props: Partial<VclServiceProps> = {}, app: App = Testing.app()): { stack: TerraformStack; service: VclService } {
  const stack = newStack(app);
  const service = new VclService(stack, 'site', { name: 'www-example', domains: ['www.example.com'], ...props });
  return { stack, service };
}

/** Synthesises with validations on (as `app.synth()` does) and returns the parsed Terraform JSON. */
export function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The body of the only resource of `type` in the synthesised stack. */
export function serviceBody(stack: TerraformStack, type = 'fastly_service_vcl'): any {
  const resources = synth(stack).resource?.[type] ?? {};
  const bodies = Object.values(resources);
  if (bodies.length !== 1) throw new Error(`expected one ${type}, found ${bodies.length}`);
  return bodies[0];
}

/** The message of the error `fn` throws. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}

/** The validation problems `Testing.synth` reports, one per line, without cdktf's framing. */
export function validationErrors(stack: TerraformStack): string[] {
  const message = errorOf(() => Testing.synth(stack, true));
  const match = /^Validation failed with the following errors:\n([\s\S]*?)\n\nIf you wish/.exec(message);
  if (!match) throw new Error(`not a validation error: ${message}`);
  return match[1].split('\n').map((line) => line.trim());
}

/** The warnings cdktf annotations recorded on a construct. */
export function warningsOf(construct: IConstruct): string[] {
  return construct.node.metadata.filter((entry) => entry.type === '@cdktf/warn').map((entry) => entry.data);
}

/**
 * The repository checkout. The tests also run from the staged cdktn package (build/cdktn/test),
 * whose own README is the package's; the repository's README, API.md and scripts are checked from here.
 */
export const REPOSITORY = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.projenrc.ts'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no .projenrc.ts above ${__dirname}`);
  }
})();
