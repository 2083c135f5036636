import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { classifyAddress } from './address';
import { Duration } from './duration';
import { blockNameProblem } from './names';
import { serviceOf, ServiceBase } from './service';
import { isResolved, PropChecker } from './validation';

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
  readonly method?: string;
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

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

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
    const nameProblem = blockNameProblem(this.name);
    if (nameProblem) checker.fail('name', this.name, nameProblem);
    if (props.host === undefined) {
      checker.fail('host', props.host, 'allowed: the Host header to probe with, e.g. "origin.example.com"');
    }
    checker.check('host', props.host, isHostHeader, 'allowed: a hostname or IP address, optionally with ":port" (no scheme or path)');
    const path = props.path ?? '/';
    checker.check('path', path, (p) => /^\/\S*$/.test(p), 'allowed: a path starting with "/" and without white space');
    const method = props.method ?? 'HEAD';
    checker.check('method', method, (m) => METHODS.includes(m), `allowed: one of ${METHODS.join(', ')} (upper case)`);
    const expectedResponse = props.expectedResponse ?? 200;
    checker.integer('expectedResponse', expectedResponse, 100, 599);
    const checkInterval = checker.millis('checkInterval', props.checkInterval ?? Duration.seconds(15), 1_000, 3_600_000);
    const timeout = checker.millis('timeout', props.timeout ?? Duration.seconds(5), 1);
    if (isResolved(timeout) && isResolved(checkInterval) && timeout >= checkInterval) {
      checker.fail('timeout', props.timeout ?? Duration.seconds(5),
        `allowed: shorter than checkInterval (${checkInterval} ms), or probes overlap and a slow origin is never marked sick in time`);
    }
    const window = props.window ?? 5;
    checker.integer('window', window, 1, 64);
    const threshold = props.threshold ?? 3;
    checker.integer('threshold', threshold, 1);
    if (isResolved(threshold) && isResolved(window) && threshold > window) {
      checker.fail('threshold', threshold, `allowed: at most window (${window}); otherwise the origin can never become healthy`);
    }
    const startUnhealthy = props.startUnhealthy ?? false;
    const initial = props.initial ?? (startUnhealthy ? 0 : threshold);
    checker.integer('initial', initial, 0);
    if (isResolved(initial) && isResolved(window) && initial > window) {
      checker.fail('initial', initial, `allowed: at most window (${window})`);
    }
    if (isResolved(initial) && isResolved(threshold) && initial < threshold && !startUnhealthy) {
      checker.fail('initial', initial, `allowed: at least threshold (${threshold}), so origins are healthy right after activation; `
        + 'set startUnhealthy: true if they should start sick until probes pass');
    }
    const httpVersion = props.httpVersion ?? '1.1';
    checker.check('httpVersion', httpVersion, (v) => v === '1.0' || v === '1.1', 'allowed: "1.0" or "1.1"');
    const headers = Object.entries(props.headers ?? {});
    for (const [name, value] of headers) {
      checker.check(`headers.${name}`, name, (n) => HEADER_NAME.test(n), 'allowed: an HTTP header name (letters, digits and !#$%&\'*+.^_`|~-)');
      checker.check(`headers.${name}`, name, (n) => n.toLowerCase() !== 'host', 'allowed: any header but Host; set the host prop instead');
      checker.check(`headers.${name}`, value, (v) => !/[\r\n]/.test(v), 'allowed: a value without line breaks');
    }
    checker.throwIfAny();

    if (startUnhealthy && isResolved(initial) && isResolved(threshold) && initial < threshold) {
      Annotations.of(this).addWarning(`initial (${initial}) is below threshold (${threshold}): backends using this healthcheck `
        + 'start sick after every activation and get no traffic until enough probes pass (startUnhealthy is set)');
    }

    const rendered = {
      name: this.name,
      host: props.host,
      path,
      method,
      expectedResponse,
      checkInterval,
      timeout,
      threshold,
      window,
      initial,
      httpVersion,
      // A set in the provider: Fastly returns headers sorted, so sorting here keeps plans empty.
      headers: headers.length > 0 ? headers.map(([name, value]) => `${name}: ${value}`).sort() : undefined,
    };
    this.service._addBlock({ type: 'healthcheck', construct: this, name: this.name, render: () => rendered });
  }
}

function isHostHeader(host: string): boolean {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match) return classifyAddress(host) !== undefined;
  const hostPart = match[1].replace(/^\[(.*)\]$/, '$1');
  return classifyAddress(hostPart) !== undefined && (match[2] === undefined || Number(match[2]) <= 65535);
}
