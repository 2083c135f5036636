import { DirectorType } from './director';

/** Options of the director-based load-balancing modes. */
export interface DirectorOptions {
  /**
   * The percentage (0–100) of the pool's total weight that must be healthy for the pool to be
   * up; below it, requests fail instead of overloading the origins that are left.
   * @default 75 (Fastly's default)
   */
  readonly quorum?: number;
  /**
   * How many other origins to try when the chosen one cannot be connected to.
   * @default 5 (Fastly's default)
   */
  readonly retries?: number;
}

/** How a pool spreads requests over its origins. */
export enum LoadBalancingMode {
  /** Fastly's automatic load balancing: random, weighted by `weight`, healthy origins only. */
  AUTO = 'auto',
  /** A random director: weighted random choice among healthy origins, with quorum and retries. */
  RANDOM = 'random',
  /** A hash director: the same object (cache key) always goes to the same healthy origin. */
  HASH = 'hash',
  /**
   * A client director: the same client always goes to the same healthy origin. The pool's switch
   * sets `client.identity` from `Fastly-Client-IP`, so that a shield keys on the user, not on the edge POP.
   */
  CLIENT = 'client',
  /** The first healthy origin in the listed order takes all traffic. */
  FAILOVER = 'failover',
}

/**
 * How an `OriginPool` balances requests over its origins. The README's "Origin pools" section
 * lists the Fastly blocks each mode produces, as the default route and behind `routeWhen`.
 */
export class LoadBalancing {
  /**
   * Fastly's automatic load balancing, weighted by each origin's `weight`. As the default route
   * this is native (`auto_loadbalance`); behind `routeWhen`, where Fastly does not balance
   * conditioned backends, it becomes a random director that is healthy while any origin is.
   */
  public static auto(): LoadBalancing {
    return new LoadBalancing(LoadBalancingMode.AUTO);
  }

  /** A random director: weighted random choice among healthy origins. */
  public static random(options: DirectorOptions = {}): LoadBalancing {
    return new LoadBalancing(LoadBalancingMode.RANDOM, options.quorum, options.retries);
  }

  /** A hash director: requests for the same object go to the same healthy origin (better cache locality at the origin). */
  public static hash(options: DirectorOptions = {}): LoadBalancing {
    return new LoadBalancing(LoadBalancingMode.HASH, options.quorum, options.retries);
  }

  /**
   * A client director: requests from the same client go to the same healthy origin (sticky sessions).
   * The client is the address that first reached Fastly (`Fastly-Client-IP`), also at a shield.
   */
  public static client(options: DirectorOptions = {}): LoadBalancing {
    return new LoadBalancing(LoadBalancingMode.CLIENT, options.quorum, options.retries);
  }

  /** The first healthy origin in the order listed takes all traffic; the others are standbys. Needs a healthcheck. */
  public static failover(): LoadBalancing {
    return new LoadBalancing(LoadBalancingMode.FAILOVER);
  }

  /** The mode. */
  public readonly mode: LoadBalancingMode;
  /** The director quorum in percent, when it was set. */
  public readonly quorum?: number;
  /** The director retries, when they were set. */
  public readonly retries?: number;

  private constructor(mode: LoadBalancingMode, quorum?: number, retries?: number) {
    this.mode = mode;
    this.quorum = quorum;
    this.retries = retries;
  }
}

/** The director policy of each director-based mode; a routed `auto()` pool balances with a random director. */
export const DIRECTOR_TYPES: { readonly [mode: string]: DirectorType } = {
  [LoadBalancingMode.AUTO]: DirectorType.RANDOM,
  [LoadBalancingMode.RANDOM]: DirectorType.RANDOM,
  [LoadBalancingMode.HASH]: DirectorType.HASH,
  [LoadBalancingMode.CLIENT]: DirectorType.CLIENT,
};
