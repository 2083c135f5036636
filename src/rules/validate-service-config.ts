import { checkService } from './index';
import { CheckedFinding, isKnown, ServiceView } from './rule';
import { wordFinding } from './wording';
import { withProviderDefaults } from '../fastly/provider-defaults';
import { checkAgainstSchema, convertAttributes, convertElement } from '../fastly/provider-schema';
import { blocksOf, dynamicBlocks, dynamicContent } from '../fastly/terraform-json';

/** Options of `validateServiceConfig`. */
export interface ValidateServiceConfigOptions {
  /**
   * The resource type of the body: `fastly_service_vcl` or `fastly_service_compute`.
   * @default - `fastly_service_compute` when the body has a `package` block, else `fastly_service_vcl`
   */
  readonly resourceType?: string;
  /**
   * Read the body as strictly as the library reads what it builds: what Fastly accepts but what leaves
   * traffic to chance or to a mismatch (several backends without a condition, routing conditions that
   * tie, plain HTTP on port 443, a healthcheck timeout as long as its interval) is an error instead
   * of a warning.
   * @default false
   */
  readonly strict?: boolean;
}

/** One problem found in a service configuration. */
export interface Finding {
  /** The stable id of the rule, e.g. `backend/port` (the README lists them). */
  readonly ruleId: string;
  /** `error` (Fastly or the provider rejects it, or it certainly breaks traffic) or `warning` (accepted, but probably not meant). */
  readonly severity: string;
  /** Where in the body: a JSON path such as `backend[2].port`, or empty for the whole service. */
  readonly path: string;
  /** What is wrong, the value, what is allowed and how to fix it. */
  readonly message: string;
}

/**
 * Checks a `fastly_service_vcl` or `fastly_service_compute` resource body in Terraform JSON form
 * (from a synthesised `cdk.tf.json`, or hand-written) against the provider schema and every
 * rule this library enforces across blocks: names, references, routing, TLS, healthchecks,
 * shields, condition statements, the VCL of snippets and custom VCL, and the values the provider
 * and Fastly document for headers, logging endpoints and the other blocks. The body is read as
 * Terraform reads it: values are converted to their attribute's type, `${…}` expressions are not
 * checked, and `dynamic` blocks are checked through their content.
 *
 * @param body the resource body: `resource.fastly_service_vcl.<id>` of a parsed `cdk.tf.json`
 * @param options which resource type the body is, and whether to read it strictly
 * @returns every problem found, errors and warnings, in rule order; none for a valid body
 */
export function validateServiceConfig(body: { [key: string]: unknown }, options: ValidateServiceConfigOptions = {}): Finding[] {
  const resourceType = options.resourceType ?? (body.package !== undefined ? 'fastly_service_compute' : 'fastly_service_vcl');
  const schemaFindings: Finding[] = checkAgainstSchema(resourceType, body).map((problem) => {
    const where = problem.slice(0, problem.indexOf(': '));
    return { ruleId: 'schema', severity: 'error', path: where.slice(resourceType.length + 1), message: `${problem} [schema]` };
  });
  const view = jsonServiceView(resourceType, body, options.strict ?? false);
  return [...schemaFindings, ...checkService(view).map((finding) => toFinding(finding, view))];
}

/** One element of a block type as the rules see it, and where it is written. */
interface JsonElement {
  readonly element: { [key: string]: any };
  /** Its JSON path, e.g. `backend[2]` or `dynamic.backend[0].content`. */
  readonly path: string;
  /** Its name as written, for messages. */
  readonly name: unknown;
}

interface JsonServiceView extends ServiceView {
  entry(type: string, index: number): JsonElement | undefined;
}

function jsonServiceView(resourceType: string, body: { [key: string]: any }, strict: boolean): JsonServiceView {
  const entries = new Map<string, JsonElement[]>();
  const dynamics = dynamicBlocks(body);
  const entriesOf = (type: string): JsonElement[] => {
    let ofType = entries.get(type);
    if (!ofType) {
      const read = (element: { [key: string]: any }, at: string): JsonElement => ({
        element: withProviderDefaults(resourceType, type, convertElement(resourceType, type, element)),
        path: at,
        name: element.name,
      });
      ofType = [
        ...blocksOf(body, type).map((element, index) => read(element, `${type}[${index}]`)),
        ...dynamics.filter((dynamic) => dynamic.type === type).flatMap((dynamic) => {
          const content = dynamicContent(dynamic);
          return content ? [read(content, `${dynamic.path}.content`)] : [];
        }),
      ];
      entries.set(type, ofType);
    }
    return ofType;
  };
  return {
    resourceType,
    vcl: resourceType === 'fastly_service_vcl',
    strict,
    body: convertAttributes(resourceType, body),
    blocks: (type) => entriesOf(type).map((entry) => entry.element),
    complete: (type) => !dynamics.some((dynamic) => dynamic.type === type),
    describe: (type, index) => {
      const entry = entriesOf(type)[index];
      if (!entry) return `${type}[${index}]`;
      return isKnown(entry.name) ? `${entry.path} ${JSON.stringify(entry.name)}` : entry.path;
    },
    entry: (type, index) => entriesOf(type)[index],
  };
}

function toFinding(finding: CheckedFinding, view: JsonServiceView): Finding {
  const entry = finding.block !== undefined ? view.entry(finding.block, finding.index!) : undefined;
  const element = finding.block !== undefined ? entry?.path ?? `${finding.block}[${finding.index}]` : '';
  const where = [element, finding.attribute].filter((part) => part).join('.');
  // A finding about the name itself names the element by its position.
  const named = isKnown(entry?.name) && finding.attribute !== 'name';
  const subject = finding.block !== undefined ? `${finding.block} ${named ? JSON.stringify(entry!.name) : `[${finding.index}]`} ` : '';
  const message = subject + wordFinding(finding, (attribute) => attribute);
  return { ruleId: finding.rule, severity: finding.severity, path: where, message };
}
