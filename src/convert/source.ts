import * as fs from 'fs';
import { parse } from '@cdktf/hcl2json';
import { elementsOf, isObject, JsonObject, JsonValue, ServiceModel, serviceFromTerraformJson, SERVICE_TYPES, ServiceType } from './model';

/** What a Terraform file holds for the converter: its services, and the values and other blocks they may refer to. */
export interface TerraformSource {
  readonly file: string;
  /** The stack name, when the file was synthesised by cdktf. */
  readonly stackName?: string;
  readonly services: ServiceModel[];
  /** `variable` blocks, by name. */
  readonly variables: { readonly [name: string]: JsonObject };
  /** `locals` values, by name. */
  readonly locals: { readonly [name: string]: JsonValue };
  /** The `provider "fastly"` configuration, if the file has one. */
  readonly provider?: JsonObject;
  /** Addresses of everything else in the file (other resources, data sources, outputs, modules), which is not converted. */
  readonly unconverted: string[];
}

/** Reads a Terraform configuration in JSON syntax (`.tf.json`, or an already parsed document). */
export function readTerraformJson(document: unknown, file: string): TerraformSource {
  if (!isObject(document)) throw new Error(`${file}: not a Terraform JSON document (expected an object)`);
  const services: ServiceModel[] = [];
  const unconverted: string[] = [];
  for (const [type, resources] of Object.entries(isObject(document.resource) ? document.resource : {})) {
    for (const [name, body] of Object.entries(isObject(resources) ? resources : {})) {
      if (!SERVICE_TYPES.includes(type as ServiceType)) {
        unconverted.push(`${type}.${name}`);
        continue;
      }
      for (const element of elementsOf(body)) services.push(serviceFromTerraformJson(type as ServiceType, name, element, file));
    }
  }
  for (const [type, sources] of Object.entries(isObject(document.data) ? document.data : {})) {
    for (const name of Object.keys(isObject(sources) ? sources : {})) unconverted.push(`data.${type}.${name}`);
  }
  for (const key of ['output', 'module']) {
    for (const name of Object.keys(isObject(document[key]) ? document[key] as JsonObject : {})) unconverted.push(`${key}.${name}`);
  }
  const variables = Object.fromEntries(Object.entries(isObject(document.variable) ? document.variable : {})
    .map(([name, body]) => [name, elementsOf(body)[0] ?? {}]));
  const locals = Object.assign({}, ...elementsOf(document.locals as JsonValue));
  const providers = isObject(document.provider) ? document.provider : {};
  for (const name of Object.keys(providers)) if (name !== 'fastly') unconverted.push(`provider.${name}`);
  const metadata = isObject(document['//']) && isObject(document['//'].metadata) ? document['//'].metadata : {};
  const stackName = typeof metadata.stackName === 'string' ? metadata.stackName : undefined;
  return { file, stackName, services, variables, locals, provider: elementsOf(providers.fastly)[0], unconverted };
}

/** Reads a Terraform file: HCL (`.tf`, through @cdktf/hcl2json) or JSON (`.tf.json`). */
export async function readTerraformFile(file: string): Promise<TerraformSource> {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
    }
    return readTerraformJson(document, file);
  }
  return readTerraformJson(await parse(file, text), file);
}
