import { Construct } from 'constructs';
import { Backend } from './backend';
import { PropChecker } from './prop-checker';
import { internalsOf, serviceOf, ServiceBase, ServiceKind } from './service';

/** How a director picks one of its healthy backends. */
export enum DirectorType {
  /** Weighted random choice (Fastly type 1). */
  RANDOM = 'random',
  /** The same object (cache key) always goes to the same backend (Fastly type 3). */
  HASH = 'hash',
  /** The same client (`client.identity`) always goes to the same backend (Fastly type 4). */
  CLIENT = 'client',
}

/** The Fastly director `type` of each director policy (the API accepts 1, 3 and 4 only). */
export const DIRECTOR_TYPE_NUMBERS: { readonly [type: string]: number } = {
  [DirectorType.RANDOM]: 1,
  [DirectorType.HASH]: 3,
  [DirectorType.CLIENT]: 4,
};

/** Props of a `Director`. */
export interface DirectorProps {
  /** The backends the director chooses from, each weighted by its `weight`. At least one, of the same service. */
  readonly backends: Backend[];
  /**
   * How the director chooses.
   * @default DirectorType.RANDOM
   */
  readonly type?: DirectorType;
  /**
   * The percentage (0–100) of the members' total weight that must be healthy for the director to be up.
   * @default 75 (Fastly's default)
   */
  readonly quorum?: number;
  /**
   * How many other backends to try when the chosen one cannot be connected to.
   * @default 5 (Fastly's default)
   */
  readonly retries?: number;
  /**
   * The shield POP of the director (see `Pop`).
   * @default - no shielding
   */
  readonly shield?: string;
  /**
   * A free-text comment.
   * @default - no comment
   */
  readonly comment?: string;
  /**
   * The director name; VCL refers to it by this name, with punctuation replaced by `_`.
   * @default - the construct id
   */
  readonly name?: string;
}

/** A director block, in the generated L1's camelCase struct shape. */
export interface DirectorBlock {
  readonly name: string;
  readonly backends: Backend[];
  readonly type: number;
  readonly quorum?: number;
  readonly retries: number;
  readonly shield: string;
  readonly comment: string;
}

/** Renders a director block: members by name, sorted as the provider's set returns them. */
export function renderDirector(block: DirectorBlock): { [key: string]: any } {
  return { ...block, backends: block.backends.map((backend) => backend.name).sort() };
}

/**
 * A Fastly director (VCL services only): a named group of backends that custom VCL or a snippet
 * routes to with `set req.backend = <name>;`.
 *
 * Fastly never routes to a director on its own: a director is reached only from VCL. For load
 * balancing that routes itself (by default or by condition), use an `OriginPool`; a `Director`
 * is for services whose custom VCL picks directors by name.
 */
export class Director extends Construct {
  /** The director name in the service. */
  public readonly name: string;
  /** The service this director belongs to. */
  public readonly service: ServiceBase;
  /** The member backends. */
  public readonly backends: Backend[];

  constructor(scope: Construct, id: string, props: DirectorProps) {
    super(scope, id);
    this.service = serviceOf(this, 'a Director');
    this.name = props.name ?? id;
    this.backends = props.backends ?? [];

    const checker = new PropChecker(this);
    if (this.service.kind === ServiceKind.COMPUTE) {
      checker.fail('scope', this.service.node.path, 'allowed: a VclService; Compute services have no directors (choose the backend in your '
        + 'Compute program)', 'director/compute');
    }
    for (const backend of this.backends) {
      if (backend.service !== this.service) {
        checker.fail('backends', backend, `allowed: Backends of the same service (${this.service.node.path}); Fastly only resolves names inside `
          + 'one service', 'reference/director-backend');
      }
    }
    const type = props.type ?? DirectorType.RANDOM;
    checker.check('type', type, (value) => DIRECTOR_TYPE_NUMBERS[value] !== undefined,
      `allowed: one of ${Object.values(DirectorType).join(', ')}`, 'director/type');
    const rendered = renderDirector({
      name: this.name,
      backends: this.backends,
      type: DIRECTOR_TYPE_NUMBERS[type] ?? 1,
      quorum: props.quorum ?? 75,
      retries: props.retries ?? 5,
      shield: props.shield ?? '',
      comment: props.comment ?? '',
    });
    internalsOf(this.service).addBlock({ type: 'director', construct: this, name: this.name, render: () => rendered });
  }
}
