import { Command } from 'commander';
import { CliContext } from './io';
import { convertCommand as convert } from '../convert/command';

/** `convert <file> [--out DIR]`: a cdktf app made of this library's constructs, for the Fastly services of a Terraform file. */
export function convertCommand({ io, exit }: CliContext): Command {
  return new Command('convert')
    .description('write a cdktf app (main.ts) that builds the Fastly services of a Terraform file (.tf or .tf.json) from this library\'s '
      + 'constructs; exits 1 when a service could not be made equivalent, 2 for bad input')
    .argument('<file>', 'a Terraform file: HCL (.tf) or Terraform JSON (.tf.json, cdk.tf.json)')
    .option('--out <dir>', 'where to write main.ts and cdktf.json', '.')
    .action(async (file: string, options: { out: string }) => exit(await convert([file, '--out', options.out], io)));
}
