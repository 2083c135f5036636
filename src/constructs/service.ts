import * as fs from 'fs';
import * as path from 'path';
import { Annotations, App, Aspects, Fn, IResolvable, Lazy, Op, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { compareNames } from '../fastly/names';
import { checkService } from '../rules';
import { givenValue, PropChecker, reportedOn } from './prop-checker';
import { routeLabelOf } from './route-owner';
import { RuleProblem, unsuppressed } from './rule-suppressions';
import { ServiceView } from '../rules/rule';
import { wordFinding } from '../rules/wording';

/** The Fastly service a construct renders into decides which blocks and attributes exist. */
export enum ServiceKind {
  VCL = 'VCL',
  COMPUTE = 'Compute',
}

/** The nested blocks of a service resource that constructs contribute. */
export type BlockType = 'backend' | 'healthcheck' | 'condition' | 'director' | 'snippet';

/** One element of a nested block: a construct, the name Fastly keys it by, and its L1 struct. */
export interface ServiceBlock {
  readonly type: BlockType;
  readonly construct: IConstruct;
  readonly name: string;
  /** The construct's prop for each attribute whose name differs from it, for messages. */
  readonly propNames?: { readonly [attribute: string]: string };
  /** The block in the generated L1's camelCase struct shape; called once, at synth. */
  render(): { [key: string]: any };
}

/** Converts a camelCase L1 struct to Terraform JSON (the generated `...ToTerraform` functions). */
export type BlockMapper = (struct: any) => any;

/**
 * What the constructs inside a service and the service subclasses use of it. Kept off the
 * service's public API (a TypeScript user sees only what is meant for them): `internalsOf(service)`.
 */
export interface ServiceInternals {
  /** Adds a block element that the service renders at synth, and reports the rules' findings on its construct. */
  addBlock(block: ServiceBlock): void;
  /** Shows the rules the service-level attributes, given in the L1's camelCase shape. */
  setAttributes(attributes: { [key: string]: unknown }): void;
  /** A lazy value that renders every block of `type`, sorted by name, at synth. */
  lazyBlocks(type: BlockType, mapper: BlockMapper): IResolvable;
  /** The L1 resource; the service checks that its own block lists were not replaced through it. */
  useResource(resource: TerraformResource): void;
  /**
   * Records that `props` of `construct` were derived from a deploy-time `address` as from a
   * hostname; `terraform plan` then stops if the address turns out to be an IP address.
   */
  requireHostnameAtDeploy(address: string, construct: IConstruct, props: string[]): void;
}

/** Props derived from one deploy-time address, and the constructs that derived them. */
interface DeployTimeAddress {
  readonly address: string;
  readonly paths: string[];
  readonly props: string[];
}

/**
 * Terraform's reading of what `classifyAddress` calls an IP address: digits and dots (IPv4), or
 * any colon (IPv6; hostnames have none).
 */
const IP_ADDRESS_PATTERN = '^[0-9.]+$|:';

const INTERNALS = new WeakMap<ServiceBase, ServiceInternals>();

/** The internals of a service, for the constructs inside it. */
export function internalsOf(service: ServiceBase): ServiceInternals {
  return INTERNALS.get(service)!;
}

/** Props shared by every Fastly service. */
export interface ServiceBaseProps {
  /** The service name shown in the Fastly UI; changing it does not create a new version. */
  readonly name: string;
  /** The domains the service answers for: hostnames, or `*.`-wildcards. At least one. */
  readonly domains: string[];
  /**
   * A comment on each domain that has one, by domain name.
   * @default - no domain comments
   */
  readonly domainComments?: { [domain: string]: string };
  /**
   * Free-text description of the service.
   * @default "Managed by Terraform" (the provider's default, written out so plans stay stable)
   */
  readonly comment?: string;
  /**
   * Comment on each new service version this stack creates.
   * @default - no version comment
   */
  readonly versionComment?: string;
  /**
   * Activate each new version after it is changed.
   * @default true (false for a Compute service without a package)
   */
  readonly activate?: boolean;
  /**
   * Deactivate and delete the service on `terraform destroy`; without it, destroying an active
   * service fails.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * Activate each new version in the staging environment.
   * @default false
   */
  readonly stage?: boolean;
}

const SERVICE_MARKER = Symbol.for('cdktf-fastly-origins.Service');
const DEFAULT_COMMENT = 'Managed by Terraform';

/**
 * The service that `construct` is inside of.
 * @throws when there is none: origin constructs render into the blocks of one service resource.
 */
export function serviceOf(construct: IConstruct, what: string): ServiceBase {
  for (let current = construct.node.scope; current; current = current.node.scope) {
    if ((current as any)[SERVICE_MARKER] === true) return current as ServiceBase;
  }
  throw new Error(`[${construct.node.path}] scope: ${what} must be created inside a VclService or ComputeService; `
    + 'use the service, or a construct inside it, as its scope (Fastly origins are nested blocks of one service resource)');
}

const TYPE_CONSTRUCTS: { [type: string]: string } = {
  backend: 'Backend, OriginPool, ShieldedBackend',
  healthcheck: 'Healthcheck, or healthcheck options of a pool or shielded backend',
  condition: 'Condition',
  director: 'OriginPool',
  snippet: 'VclSnippet',
};

/** Props of the service's own blocks whose names differ from their attributes'. */
const PROP_NAMES: { [block: string]: { [attribute: string]: string } } = {
  domain: { name: 'domains' },
};

function camelCase(attribute: string): string {
  return attribute.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

interface RenderedBlock {
  readonly block: ServiceBlock;
  readonly json: { [key: string]: any };
}

interface ConstructProblem extends RuleProblem {
  readonly construct: IConstruct;
}

/**
 * What VCL and Compute services share: the L1 resource, the blocks their child constructs
 * contribute, and the rules that check the rendered body.
 *
 * Each block element is rendered once; the same rendering feeds the L1 resource and the rules
 * (`rules/`, also behind `validateServiceConfig`), whose findings are reported on the construct
 * that made the element, with its prop names.
 */
export abstract class ServiceBase extends Construct {
  /** The service name. */
  public readonly name: string;

  /** Whether this is a VCL or a Compute service. */
  public readonly kind: ServiceKind;

  private readonly blocks: ServiceBlock[] = [];
  private readonly mappers = new Map<BlockType, BlockMapper>();
  private readonly lazies = new Map<BlockType, IResolvable>();
  private readonly validated = new Set<IConstruct>();
  private attributes: { [key: string]: unknown } = {};
  private l1?: TerraformResource;
  private readonly deployTimeAddresses = new Map<string, DeployTimeAddress>();
  private readonly preconditions: IResolvable[] = [];
  private rendered?: Map<BlockType, RenderedBlock[]>;
  private problems?: ConstructProblem[];

  protected constructor(scope: Construct, id: string, kind: ServiceKind, props: ServiceBaseProps) {
    super(scope, id);
    Object.defineProperty(this, SERVICE_MARKER, { value: true });
    this.kind = kind;
    this.name = props.name;
    this.validated.add(this);
    this.node.addValidation({ validate: () => this.problemsOf(this) });
    INTERNALS.set(this, {
      addBlock: (block) => this.addBlock(block),
      setAttributes: (attributes) => this.setAttributes(attributes),
      lazyBlocks: (type, mapper) => this.lazyBlocks(type, mapper),
      useResource: (resource) => {
        this.l1 = resource;
      },
      requireHostnameAtDeploy: (address, construct, derived) => this.requireHostnameAtDeploy(address, construct, derived),
    });
    // Aspects run once per synth, before validation: the time to look at the finished service.
    let visited = false;
    Aspects.of(this).add({
      visit: (node) => {
        if (node !== this || visited) return;
        visited = true;
        this.removeEarlierOutput();
        this.warnAboutUnusedHealthchecks();
      },
    });
  }

  /**
   * A deploy-time address is taken as a hostname, as nearly all are; a literal IP address would
   * not have had these props derived from it, so an IP address stops `terraform plan` with the
   * error synth gives a literal one, instead of deploying a certificate check against an IP.
   */
  private requireHostnameAtDeploy(address: string, construct: IConstruct, props: string[]): void {
    const known = this.deployTimeAddresses.get(address);
    if (known) {
      known.paths.push(construct.node.path);
      known.props.push(...props.filter((prop) => !known.props.includes(prop)));
      return;
    }
    const entry: DeployTimeAddress = { address, paths: [construct.node.path], props: [...props] };
    this.deployTimeAddresses.set(address, entry);
    // One array, filled as constructs register: cdktf appends an override array to the user's own preconditions.
    if (this.preconditions.length === 0) this.l1!.addOverride('lifecycle.precondition', this.preconditions);
    this.preconditions.push(Lazy.anyValue({
      produce: () => {
        const owner = [...entry.paths].sort((a, b) => a.length - b.length)[0];
        const last = entry.props.length - 1;
        const derived = last === 0 ? `${entry.props[0]} was` : `${entry.props.slice(0, last).join(', ')} and ${entry.props[last]} were`;
        return {
          condition: Op.not(Fn.can(Fn.regex(IP_ADDRESS_PATTERN, entry.address))),
          error_message: `[${owner}] address: got an IP address at deploy time; allowed: a hostname, because ${derived} derived from the `
            + `address as from a hostname. For an IP origin, set ${entry.props.length === 1 ? 'it' : 'them'} explicitly, as for a literal IP `
            + 'address [backend/deploy-time-address].',
        };
      },
    }));
  }

  /**
   * cdktf writes a stack's file only when validation passes, and leaves the file of an earlier
   * synth in place when it fails, where a pipeline could still plan or deploy it. Aspects run
   * before validation, so the earlier file is removed here; a synth that passes writes it anew.
   */
  private removeEarlierOutput(): void {
    const app = this.node.root;
    if (!App.isApp(app)) return;
    const stack = TerraformStack.of(this);
    fs.rmSync(path.join(app.outdir, 'stacks', stack.node.id, app.hclOutput ? 'cdk.tf' : 'cdk.tf.json'), { force: true });
  }

  /** A healthcheck that no backend uses probes the origin without ever marking anything sick. */
  private warnAboutUnusedHealthchecks(): void {
    const rendered = this.renderedBlocks();
    const used = new Set((rendered.get('backend') ?? []).map((entry) => entry.json.healthcheck));
    for (const { block } of rendered.get('healthcheck') ?? []) {
      if (!used.has(block.name)) {
        Annotations.of(block.construct).addWarning(`no backend uses healthcheck ${JSON.stringify(block.name)}, so it probes without marking `
          + 'anything sick; pass it as a backend\'s healthcheck, or remove it [healthcheck/unused]');
      }
    }
  }

  /** The Terraform id of the service (known after apply). */
  public abstract get serviceId(): string;

  private addBlock(block: ServiceBlock): void {
    this.blocks.push(block);
    this.rendered = undefined;
    this.problems = undefined;
    if (!this.validated.has(block.construct)) {
      this.validated.add(block.construct);
      block.construct.node.addValidation({ validate: () => this.problemsOf(block.construct) });
    }
  }

  private setAttributes(attributes: { [key: string]: unknown }): void {
    this.attributes = Object.fromEntries(Object.entries(attributes)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), value]));
  }

  private lazyBlocks(type: BlockType, mapper: BlockMapper): IResolvable {
    this.mappers.set(type, mapper);
    const lazy = Lazy.anyValue({ produce: () => this.renderedBlocks().get(type)?.map((rendered) => rendered.json) }, { omitEmptyArray: true });
    this.lazies.set(type, lazy);
    return lazy;
  }

  /**
   * `resource.putBackend(…)` and the like replace the whole list the service renders, silently
   * dropping every backend, check, condition, director or snippet its constructs made.
   */
  private replacedBlockLists(): ConstructProblem[] {
    const inputs = this.l1 as unknown as { [input: string]: unknown };
    return [...this.lazies].filter(([type, lazy]) => inputs[`${type}Input`] !== lazy).map(([type]) => ({
      construct: this,
      rule: 'service/escape-hatch',
      message: `resource.${type}: got a list set through the L1 escape hatch; allowed: ${type}s added as constructs inside the service `
        + `(${TYPE_CONSTRUCTS[type]}), because the service renders the whole ${type} list and a replaced list drops what its constructs `
        + 'made [service/escape-hatch]',
    }));
  }

  /** Every block element rendered to Terraform JSON, sorted by name; rendered once. */
  private renderedBlocks(): Map<BlockType, RenderedBlock[]> {
    if (!this.rendered) {
      const rendered = new Map<BlockType, RenderedBlock[]>();
      for (const [type, mapper] of this.mappers) {
        const ofType = this.blocks.filter((block) => block.type === type).sort((a, b) => compareNames(a.name, b.name));
        rendered.set(type, ofType.map((block) => ({ block, json: mapper(block.render()) })));
      }
      this.rendered = rendered;
    }
    return this.rendered;
  }

  /** The unsuppressed problems of `construct`, worded for its prop names (see `RuleSuppressions`). */
  private problemsOf(construct: IConstruct): string[] {
    this.problems ??= [...this.replacedBlockLists(), ...this.findProblems()];
    return unsuppressed(construct, this.problems.filter((problem) => problem.construct === construct));
  }

  /** Runs the rules over the rendered body and words each finding for the construct it is about. */
  private findProblems(): ConstructProblem[] {
    const rendered = this.renderedBlocks();
    const body: { [key: string]: unknown } = { ...this.attributes };
    for (const [type, blocks] of rendered) body[type] = blocks.map((entry) => entry.json);
    const elementOf = (type: string, index: number) => rendered.get(type as BlockType)?.[index]?.block;
    const view: ServiceView = {
      resourceType: this.kind === ServiceKind.VCL ? 'fastly_service_vcl' : 'fastly_service_compute',
      vcl: this.kind === ServiceKind.VCL,
      // What the library builds may not leave traffic to chance.
      strict: true,
      body,
      blocks: (type) => (body[type] as Array<{ [key: string]: any }> | undefined) ?? [],
      complete: () => true,
      describe: (type, index) => {
        const block = elementOf(type, index);
        if (!block) return `${type}[${index}]`;
        return routeLabelOf(block.construct) ?? `${type} ${JSON.stringify(block.name)} (${block.construct.node.path})`;
      },
    };
    // Warnings are annotated by the constructs themselves, where they know what the user asked for.
    return checkService(view).filter((finding) => finding.severity === 'error').flatMap((finding) => {
      const block = finding.block !== undefined ? elementOf(finding.block, finding.index!) : undefined;
      const construct = block?.construct ?? this;
      if (reportedOn(construct, finding.rule)) return [];
      const prop = finding.attribute === undefined ? undefined
        : (block?.propNames ?? PROP_NAMES[finding.block ?? ''])?.[finding.attribute];
      const given = finding.attribute === undefined ? undefined : givenValue(construct, prop ?? camelCase(finding.attribute));
      const message = wordFinding(given === undefined ? finding : { ...finding, value: given }, camelCase, prop);
      return [{ construct, rule: finding.rule, message, strict: finding.strict, fromTables: finding.fromTables }];
    });
  }
}

/** Checks the props every service has and returns their attributes, all set explicitly. */
export function serviceAttributes(service: ServiceBase, props: ServiceBaseProps, activateByDefault: boolean) {
  const checker = new PropChecker(service);
  const unknownDomains = Object.keys(props.domainComments ?? {}).filter((domain) => !(props.domains ?? []).includes(domain));
  if (unknownDomains.length > 0) {
    checker.fail('domainComments', unknownDomains, 'allowed: comments on domains listed in domains; add the domain there or remove its comment',
      'service/domain');
  }
  checker.check('domains', props.domains, (domains) => domains.length > 0, 'allowed: at least one domain (e.g. ["www.example.com"]); '
    + 'without one the service answers no request unless its domains are linked to it outside this resource', 'service/no-domains', true);
  return {
    name: props.name,
    comment: props.comment ?? DEFAULT_COMMENT,
    versionComment: props.versionComment,
    activate: props.activate ?? activateByDefault,
    forceDestroy: props.forceDestroy ?? false,
    stage: props.stage ?? false,
    domain: [...props.domains ?? []].sort().map((name) => ({ name, comment: props.domainComments?.[name] })),
  };
}
