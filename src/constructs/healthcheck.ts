import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { Duration } from './duration';
import { isResolved, PropChecker } from './prop-checker';
import { internalsOf, serviceOf, ServiceBase } from './service';
import { HEALTHCHECK_METHODS } from '../rules/healthcheck-rules';

/** The HTTP method of a healthcheck probe: `HEAD`, `GET`, `POST`, … (upper case). */
export type HealthcheckMethod = (typeof HEALTHCHECK_METHODS)[number];

/**
 * Settings of a healthcheck probe except its Host header. (jsii cannot make an inherited optional
 * member required, so `HealthcheckOptions` and `HealthcheckProps` both extend this.)
 */
export interface HealthcheckSettings {
  /**
   * The path to probe.
   * @default "/"
   */
  readonly path?: string;
  /**
   * The HTTP method of the probe.
   * @default "HEAD"
   */
  readonly method?: HealthcheckMethod;
  /**
   * The status code a healthy origin answers with.
   * @default 200
   */
  readonly expectedResponse?: number;
  /**
   * Time between probes, from 1 second to 1 hour. Every Fastly POP probes, so short intervals
   * multiply into real load on the origin.
   * @default Duration.seconds(15)
   */
  readonly checkInterval?: Duration;
  /**
   * How long a probe may take; must be shorter than `checkInterval`.
   * @default Duration.seconds(5)
   */
  readonly timeout?: Duration;
  /**
   * How many of the last `window` probes must succeed for the origin to be healthy.
   * @default 3
   */
  readonly threshold?: number;
  /**
   * How many recent probes are kept (1 to 64).
   * @default 5
   */
  readonly window?: number;
  /**
   * How many successful probes are assumed when the service starts. Below `threshold`, every
   * origin starts sick after each activation, which is only allowed with `startUnhealthy`.
   * @default - `threshold` (0 with `startUnhealthy`)
   */
  readonly initial?: number;
  /**
   * Allow origins to start sick after each activation (`initial` below `threshold`).
   * @default false
   */
  readonly startUnhealthy?: boolean;
  /**
   * The HTTP version of the probe: "1.0" or "1.1".
   * @default "1.1"
   */
  readonly httpVersion?: string;
  /**
   * Extra request headers of the probe, by name. Use `host` for the Host header.
   * @default - none
   */
  readonly headers?: { [name: string]: string };
}

/** Settings of a healthcheck probe; the options of the constructs that make one for their origins. */
export interface HealthcheckOptions extends HealthcheckSettings {
  /**
   * The Host header sent with the probe.
   * @default - the origin's override host, else its hostname address
   */
  readonly host?: string;
}

/** Props of a `Healthcheck`. */
export interface HealthcheckProps extends HealthcheckSettings {
  /** The Host header sent with the probe. */
  readonly host: string;
  /**
   * The healthcheck name; backends refer to it by this name.
   * @default - the construct id
   */
  readonly name?: string;
}


const DEFAULT_CHECK_INTERVAL = Duration.seconds(15);
const DEFAULT_TIMEOUT = Duration.seconds(5);

/**
 * A Fastly healthcheck: a probe that marks the backends using it healthy or sick.
 *
 * Attach it to backends with their `healthcheck` prop. Backends without a healthcheck are always
 * considered healthy, so load balancing and failover only react to origins that have one.
 */
export class Healthcheck extends Construct {
  /** The healthcheck name in the service. */
  public readonly name: string;
  /** The service this healthcheck belongs to. */
  public readonly service: ServiceBase;

  constructor(scope: Construct, id: string, props: HealthcheckProps) {
    super(scope, id);
    this.service = serviceOf(this, 'a Healthcheck');
    this.name = props.name ?? id;

    const checker = new PropChecker(this);
    if (props.host === undefined) {
      checker.fail('host', props.host, 'allowed: the Host header to probe with, e.g. "origin.example.com"', 'healthcheck/host');
    }
    const threshold = props.threshold ?? 3;
    const startUnhealthy = props.startUnhealthy ?? false;
    const initial = props.initial ?? (startUnhealthy ? 0 : threshold);
    if (isResolved(initial) && isResolved(threshold) && initial < threshold) {
      if (startUnhealthy) {
        Annotations.of(this).addWarning(`initial (${initial}) is below threshold (${threshold}): backends using this healthcheck `
          + 'start sick after every activation and get no traffic until enough probes pass (startUnhealthy is set) [healthcheck/starts-sick]');
      } else {
        checker.fail('initial', initial, `allowed: at least threshold (${threshold}), so origins are healthy right after activation; `
          + 'set startUnhealthy: true if they should start sick until probes pass', 'healthcheck/starts-sick');
      }
    }
    const headers = Object.entries(props.headers ?? {});
    const rendered = {
      name: this.name,
      host: props.host,
      path: props.path ?? '/',
      method: props.method ?? 'HEAD',
      expectedResponse: props.expectedResponse ?? 200,
      checkInterval: checker.millis('checkInterval', props.checkInterval ?? DEFAULT_CHECK_INTERVAL, 'healthcheck/interval'),
      timeout: checker.millis('timeout', props.timeout ?? DEFAULT_TIMEOUT, 'healthcheck/timeout'),
      threshold,
      window: props.window ?? 5,
      initial,
      httpVersion: props.httpVersion ?? '1.1',
      // A set in the provider: Fastly returns headers sorted, so sorting here keeps plans empty.
      headers: headers.length > 0 ? headers.map(([name, value]) => `${name}: ${value}`).sort() : undefined,
    };
    internalsOf(this.service).addBlock({ type: 'healthcheck', construct: this, name: this.name, render: () => rendered });
  }
}
