import { checkService } from './index';
import { isKnown, RawFinding, ServiceView } from './rule';
import { wordFinding } from './wording';
import { blocksOf, blocksWithDefaults } from '../fastly/provider-defaults';
import { checkAgainstSchema } from '../fastly/provider-schema';

/** Options of `validateServiceConfig`. */
export interface ValidateServiceConfigOptions {
  /**
   * The resource type of the body: `fastly_service_vcl` or `fastly_service_compute`.
   * @default - `fastly_service_compute` when the body has a `package` block, else `fastly_service_vcl`
   */
  readonly resourceType?: string;
}

/** One problem found in a service configuration. */
export interface Finding {
  /** The stable id of the rule, e.g. `backend/port` (the README lists them). */
  readonly ruleId: string;
  /** `error` (Fastly rejects or misroutes it) or `warning` (valid, but probably not meant). */
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
 * shields and condition statements. Terraform expressions (`${…}`) are not checked.
 *
 * @param body the resource body: `resource.fastly_service_vcl.<id>` of a parsed `cdk.tf.json`
 * @param options which resource type the body is
 * @returns every problem found, errors and warnings, in rule order; none for a valid body
 */
export function validateServiceConfig(body: { [key: string]: unknown }, options: ValidateServiceConfigOptions = {}): Finding[] {
  const resourceType = options.resourceType ?? (body.package !== undefined ? 'fastly_service_compute' : 'fastly_service_vcl');
  const schemaFindings: Finding[] = checkAgainstSchema(resourceType, body).map((problem) => {
    const where = problem.slice(0, problem.indexOf(': '));
    return { ruleId: 'schema', severity: 'error', path: where.slice(resourceType.length + 1), message: `${problem} [schema]` };
  });
  return [...schemaFindings, ...checkService(jsonServiceView(resourceType, body)).map((finding) => toFinding(finding, body))];
}

function jsonServiceView(resourceType: string, body: { [key: string]: any }): ServiceView {
  const withDefaults = new Map<string, Array<{ [key: string]: any }>>();
  return {
    resourceType,
    vcl: resourceType === 'fastly_service_vcl',
    body,
    blocks: (type) => {
      if (!withDefaults.has(type)) withDefaults.set(type, blocksWithDefaults(resourceType, body, type));
      return withDefaults.get(type)!;
    },
    describe: (type, index) => {
      const name = blocksOf(body, type)[index]?.name;
      return isKnown(name) ? `${type}[${index}] ${JSON.stringify(name)}` : `${type}[${index}]`;
    },
  };
}

function toFinding(finding: RawFinding, body: { [key: string]: any }): Finding {
  const element = finding.block !== undefined ? `${finding.block}[${finding.index}]` : '';
  const where = [element, finding.attribute].filter((part) => part).join('.');
  const name = finding.block !== undefined ? blocksOf(body, finding.block)[finding.index!]?.name : undefined;
  // A finding about the name itself names the element by its position.
  const named = isKnown(name) && finding.attribute !== 'name';
  const subject = finding.block !== undefined ? `${finding.block} ${named ? JSON.stringify(name) : `[${finding.index}]`} ` : '';
  const message = subject + wordFinding(finding, (attribute) => attribute);
  return { ruleId: finding.rule, severity: finding.severity, path: where, message };
}
