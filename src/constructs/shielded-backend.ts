import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { Backend, BackendSettings } from './backend';
import { Condition } from './condition';
import { Healthcheck, HealthcheckOptions } from './healthcheck';
import { PropChecker } from './prop-checker';
import { internalsOf } from './service';
import { AddressKind, classifyAddress } from '../fastly/address';

/** Props of a `ShieldedBackend`: a backend's props with `shield` required. */
export interface ShieldedBackendProps extends BackendSettings {
  /** Where the origin is: a hostname, an IPv4 or an IPv6 address (no scheme, port or path). */
  readonly address: string;
  /** The shield POP that fetches from this origin for all other POPs, e.g. `Pop.nearest('aws', 'us-east-1')`. */
  readonly shield: string;
  /**
   * The backend name in the service.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Send requests matching this REQUEST condition to this backend.
   * @default - no condition
   */
  readonly requestCondition?: Condition;
  /**
   * Put this backend in the service's automatic load-balancing group.
   * @default false
   */
  readonly autoLoadbalance?: boolean;
  /**
   * Make a healthcheck for this backend with these options (host defaults to the override host,
   * else the hostname address). To share an existing one, pass `healthcheck` instead.
   * @default - no healthcheck made
   */
  readonly healthcheckOptions?: HealthcheckOptions;
}

/**
 * A backend fetched only through a shield POP.
 *
 * Shielded requests run your VCL twice, at the edge and at the shield, and the shield finds the
 * service by the request's Host header; so a Host rewritten in VCL breaks shield fetches, while
 * `override_host` is applied after VCL, on the hop to the origin. A hostname origin therefore
 * gets `overrideHost` = its address unless one is given (bucket origins such as S3 or GCS need
 * exactly that).
 */
export class ShieldedBackend extends Construct {
  /** The backend. */
  public readonly backend: Backend;
  /** The healthcheck made from `healthcheckOptions`, if any. */
  public readonly healthcheck?: Healthcheck;

  constructor(scope: Construct, id: string, props: ShieldedBackendProps) {
    super(scope, id);
    const { healthcheckOptions, ...backendProps } = props;
    const deployTime = Token.isUnresolved(props.address);
    // A deploy-time address is taken as a hostname (the service guards that at plan).
    const hostnameAddress = deployTime || classifyAddress(props.address ?? '') === AddressKind.HOSTNAME;
    const overrideHost = props.overrideHost ?? (hostnameAddress ? props.address : undefined);

    const checker = new PropChecker(this);
    if (props.shield === undefined) {
      checker.fail('shield', undefined, 'allowed: a shield POP code such as "iad-va-us" (see Pop.shields() and Pop.nearest()); '
        + 'use a Backend for an origin without shielding', 'shielded-backend/shield');
    }
    if (healthcheckOptions && props.healthcheck) {
      checker.fail('healthcheckOptions', healthcheckOptions, 'allowed: either healthcheckOptions (a check made for this backend) or '
        + 'healthcheck (an existing one), not both', 'shielded-backend/healthcheck');
    }
    const healthcheckHost = healthcheckOptions && (healthcheckOptions.host ?? overrideHost);
    if (healthcheckOptions && healthcheckHost === undefined) {
      checker.fail('healthcheckOptions.host', undefined, 'allowed: the Host header to probe with; it is required because the address '
        + `${JSON.stringify(props.address)} is not a hostname and there is no overrideHost`, 'shielded-backend/healthcheck');
    }

    const name = props.name ?? id;
    if (healthcheckOptions && healthcheckHost !== undefined) {
      this.healthcheck = new Healthcheck(this, 'Healthcheck', { name: `${name}-health`, ...healthcheckOptions, host: healthcheckHost });
    }
    this.backend = new Backend(this, 'Backend', {
      ...backendProps,
      name,
      overrideHost,
      healthcheck: this.healthcheck ?? props.healthcheck,
    });
    if (deployTime && props.overrideHost === undefined) {
      const derived = ['overrideHost', ...(healthcheckOptions && healthcheckOptions.host === undefined ? ['healthcheckOptions.host'] : [])];
      internalsOf(this.backend.service).requireHostnameAtDeploy(props.address, this, derived);
    }
  }
}
