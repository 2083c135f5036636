import { Command } from 'commander';
import { BAD_INPUT, CliContext, readTerraformJson } from './io';
import { validateServiceConfig } from '../rules/validate-service-config';

const SERVICE_TYPES = ['fastly_service_vcl', 'fastly_service_compute'];

/** `lint <files...>`: the rules over every Fastly service of Terraform JSON files. */
export function lintCommand({ io, exit }: CliContext): Command {
  return new Command('lint')
    .description('check every fastly_service_vcl and fastly_service_compute resource of Terraform JSON files against the provider schema '
      + 'and the library\'s rules; exits 1 when any error is found, 2 when a file cannot be read or has no Fastly service')
    .argument('<files...>', 'Terraform JSON files, such as cdktf.out/stacks/<stack>/cdk.tf.json')
    .option('--strict', 'read the files as strictly as the library reads what it builds: what Fastly accepts but leaves traffic to chance '
      + '(several default backends, tied priorities, plain HTTP on port 443) is an error, not a warning')
    .action((files: string[], options: { strict?: boolean }) => {
      let errors = 0;
      let warnings = 0;
      let services = 0;
      const lines: string[] = [];
      for (const file of files) {
        const document = readTerraformJson(file, io);
        if (document === undefined) return exit(BAD_INPUT);
        const found = SERVICE_TYPES.flatMap((resourceType) =>
          Object.entries<any>(document?.resource?.[resourceType] ?? {}).map(([name, body]) => ({ resourceType, name, body })));
        // A linter that finds nothing to check must not report a clean result.
        if (found.length === 0) {
          io.err(`${file}: no Fastly service in it; lint reads Terraform JSON with ${SERVICE_TYPES.join(' or ')} resources, such as `
            + 'cdktf.out/stacks/<stack>/cdk.tf.json');
          return exit(BAD_INPUT);
        }
        for (const { resourceType, name, body } of found) {
          services++;
          for (const finding of validateServiceConfig(body, { resourceType, strict: options.strict === true })) {
            if (finding.severity === 'error') errors++;
            else warnings++;
            lines.push(`${file}: ${resourceType}.${name}: ${finding.severity}: ${finding.message}`);
          }
        }
      }
      lines.forEach((line) => io.out(line));
      io.out(`${errors} error(s), ${warnings} warning(s) in ${services} service(s) of ${files.length} file(s)`);
      return exit(errors > 0 ? 1 : 0);
    });
}
