import { Lazy } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { isHostname } from './address';
import { compareNames } from './names';
import { PropChecker } from './validation';

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
  /** The block in the generated L1's camelCase struct shape; called once, at synth. */
  render(): { [key: string]: any };
}

/** Converts a camelCase L1 struct to Terraform JSON (the generated `...ToTerraform` functions). */
export type BlockMapper = (struct: any) => any;

/** Props shared by every Fastly service. */
export interface ServiceBaseProps {
  /** The service name shown in the Fastly UI; changing it does not create a new version. */
  readonly name: string;
  /** The domains the service answers for: hostnames, or `*.`-wildcards. At least one. */
  readonly domains: string[];
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

/**
 * What VCL and Compute services share: the L1 resource, the blocks their child constructs
 * contribute, and the checks that look across those blocks.
 */
export abstract class ServiceBase extends Construct {
  /** The service name. */
  public readonly name: string;

  /** Whether this is a VCL or a Compute service. */
  public readonly kind: ServiceKind;

  private readonly blocks: ServiceBlock[] = [];

  protected constructor(scope: Construct, id: string, kind: ServiceKind, props: ServiceBaseProps) {
    super(scope, id);
    Object.defineProperty(this, SERVICE_MARKER, { value: true });
    this.kind = kind;
    this.name = props.name;
    this.node.addValidation({ validate: () => this._validateBlocks() });
  }

  /** The Terraform id of the service (known after apply). */
  public abstract get serviceId(): string;

  /** @internal Adds a block element that this service renders at synth. */
  public _addBlock(block: ServiceBlock): void {
    this.blocks.push(block);
  }

  /** @internal Every block element of one type, in the order they were added. */
  public _blocksOf(type: BlockType): ServiceBlock[] {
    return this.blocks.filter((block) => block.type === type);
  }

  /** @internal A lazy value that renders every block of `type`, sorted by name, at synth. */
  protected _lazyBlocks(type: BlockType, mapper: BlockMapper): any {
    return Lazy.anyValue({
      produce: () => this._blocksOf(type)
        .sort((a, b) => compareNames(a.name, b.name))
        .map((block) => mapper(block.render())),
    }, { omitEmptyArray: true });
  }

  /** @internal Problems found across this service's blocks; cdktf prefixes each with the service path. */
  protected _validateBlocks(): string[] {
    const problems: string[] = [];
    for (const type of ['backend', 'healthcheck', 'condition', 'director', 'snippet'] as BlockType[]) {
      const byName = new Map<string, ServiceBlock>();
      for (const block of this._blocksOf(type)) {
        const first = byName.get(block.name);
        if (first) {
          problems.push(`${type} name ${JSON.stringify(block.name)} is used by both ${first.construct.node.path} and `
            + `${block.construct.node.path}; allowed: one ${type} per name in a service (Fastly matches ${type} blocks by name). `
            + 'Give one of them another name.');
        } else {
          byName.set(block.name, block);
        }
      }
    }
    return problems;
  }
}

/** Checks the props every service has and returns their attributes, all set explicitly. */
export function serviceAttributes(service: ServiceBase, props: ServiceBaseProps, activateByDefault: boolean) {
  const checker = new PropChecker(service);
  checker.check('name', props.name, (name) => name.trim() !== '' && name.trim() === name,
    'allowed: a non-empty name without leading or trailing white space');
  checker.check('domains', props.domains, (domains) => domains.length > 0,
    'allowed: at least one domain (e.g. ["www.example.com"])');
  const seen = new Set<string>();
  (props.domains ?? []).forEach((domain, index) => {
    checker.check(`domains[${index}]`, domain, (d) => isHostname(d.startsWith('*.') ? d.slice(2) : d),
      'allowed: a fully qualified hostname such as "www.example.com", or a wildcard such as "*.example.com"');
    checker.check(`domains[${index}]`, domain, (d) => !seen.has(d.toLowerCase()), 'allowed: each domain once (domains are case-insensitive)');
    seen.add(domain.toLowerCase());
  });
  checker.throwIfAny();
  return {
    name: props.name,
    comment: props.comment ?? DEFAULT_COMMENT,
    versionComment: props.versionComment,
    activate: props.activate ?? activateByDefault,
    forceDestroy: props.forceDestroy ?? false,
    stage: props.stage ?? false,
    domain: [...props.domains].sort().map((name) => ({ name })),
  };
}
