import * as path from 'path';
import { emitApp, formatTypeScript } from './emit';
import { ApiServiceVersion, serviceFromApi } from './from-api';
import { JsonObject } from './model';
import { AppPlan, PlanValue } from './plan';
import { camelCase } from './props';
import { planService } from './recognize';
import { convertReport } from './report';
import { TerraformSource } from './source';
import { verify, VerifiedService } from './verify';

export { readTerraformFile, readTerraformJson, TerraformSource } from './source';

/** What converting one Terraform source gives: the app's files and the report. */
export interface Conversion {
  /** The written files by name: `main.ts` and `cdktf.json`. */
  readonly files: { readonly [name: string]: string };
  readonly services: VerifiedService[];
  /** The convert report, one line each. */
  readonly report: string[];
}

/** The stack id the written app uses: the source file's name, without extensions. */
function stackIdOf(file: string): string {
  return path.basename(file).replace(/(\.tf)?(\.json)?$/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'fastly';
}

/** The `FastlyProvider` props for the file's `provider "fastly"` block. */
function providerProps(provider: JsonObject | undefined): { [key: string]: PlanValue } {
  return Object.fromEntries(Object.entries(provider ?? {}).filter(([key]) => key !== '//').map(([key, value]) => [camelCase(key), value as PlanValue]));
}

/** Plans the app for a Terraform source and checks it against the source. */
export function planApp(source: TerraformSource): { plan: AppPlan; services: VerifiedService[] } {
  const referenced = JSON.stringify(source.services.map((service) => [service.attributes, service.blocks, service.raw]));
  const uses = (kind: string, name: string) => new RegExp(`\\b${kind}\\.${name.replace(/[-]/g, '\\-')}\\b`).test(referenced);
  const plan: AppPlan = {
    stackId: source.stackName ?? stackIdOf(source.file),
    provider: providerProps(source.provider),
    values: [
      ...Object.entries(source.variables).filter(([name]) => uses('var', name)).map(([name, config]) => ({ kind: 'variable' as const, name, config })),
      ...Object.entries(source.locals).filter(([name]) => uses('local', name)).map(([name, config]) => ({ kind: 'local' as const, name, config })),
    ],
    services: source.services.map((service) => planService(service)),
  };
  const services = verify(plan, source.services);
  return { plan, services };
}

/** Converts a Terraform source into a cdktf app that uses the library's constructs. */
export async function convertSource(source: TerraformSource): Promise<Conversion> {
  const { plan, services } = planApp(source);
  const header = [`Converted from ${path.basename(source.file)} by \`cdktf-fastly-origins convert\`.`];
  const main = await formatTypeScript(emitApp(plan, header));
  const cdktf = { language: 'typescript', app: 'npx ts-node main.ts', terraformProviders: [], terraformModules: [], context: {} };
  return {
    files: { 'main.ts': main, 'cdktf.json': `${JSON.stringify(cdktf, null, 2)}\n` },
    services,
    report: convertReport(source, services),
  };
}

/**
 * Converts one version of a live service, as read through Fastly's API, the way a Terraform file
 * is converted; the written app imports the service.
 */
export async function convertApiService(api: ApiServiceVersion): Promise<Conversion> {
  const model = serviceFromApi(api);
  // A service this library synthesised goes back into a stack of its old name.
  const stackName = model.constructPath?.split('/')[0] ?? model.resourceName;
  return convertSource({ file: model.origin, stackName, services: [model], variables: {}, locals: {}, unconverted: [] });
}
