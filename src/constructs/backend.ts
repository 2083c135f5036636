import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Condition } from './condition';
import { Duration } from './duration';
import { Healthcheck } from './healthcheck';
import { PropChecker } from './prop-checker';
import { internalsOf, serviceOf, ServiceBase, ServiceKind } from './service';
import { TlsVersion } from './tls-version';
import { AddressKind, classifyAddress, dottedBucket, dottedBucketProblem, isHostname } from '../fastly/address';
import { propProblem } from '../rules/wording';

/**
 * Every backend attribute of the Fastly provider except address, name, routing and shield. All
 * optional. (`ShieldedBackendProps` requires `shield`, and jsii cannot make an inherited optional
 * member required, so `shield` lives in `BackendOptions`.)
 */
export interface BackendSettings {
  /**
   * The port to connect to.
   * @default 443 when `useSsl` is true, else 80
   */
  readonly port?: number;
  /**
   * Connect to the origin with TLS.
   * @default true
   */
  readonly useSsl?: boolean;
  /**
   * Verify the origin's certificate. Turning it off accepts any certificate, including an attacker's.
   * @default true
   */
  readonly sslCheckCert?: boolean;
  /**
   * The hostname the origin's certificate is checked against.
   * @default - the address when it is a hostname (or a deploy-time token, checked at plan) and TLS is on; required for an IP address with certificate checks
   */
  readonly sslCertHostname?: string;
  /**
   * The hostname sent as TLS SNI. Set it for an origin that picks its certificate or site by SNI
   * under another name than its address: it does not follow `overrideHost`.
   * @default - `sslCertHostname` (which defaults to a hostname address, whatever `overrideHost` is) when TLS is on
   */
  readonly sslSniHostname?: string;
  /**
   * A PEM CA certificate to verify the origin with, for origins with a private CA.
   * @default - Fastly's trusted public CAs
   */
  readonly sslCaCert?: string;
  /**
   * An OpenSSL cipher list, colon-separated.
   * @default - Fastly's default cipher list
   */
  readonly sslCiphers?: string;
  /**
   * A PEM client certificate for mutual TLS; needs `sslClientKey`.
   * @default - no client certificate
   */
  readonly sslClientCert?: string;
  /**
   * The PEM private key of `sslClientCert`.
   * @default - no client key
   */
  readonly sslClientKey?: string;
  /**
   * The lowest TLS version to negotiate.
   * @default - Fastly's default
   */
  readonly minTlsVersion?: TlsVersion;
  /**
   * The highest TLS version to negotiate; not below `minTlsVersion`.
   * @default - Fastly's default
   */
  readonly maxTlsVersion?: TlsVersion;
  /**
   * The Host header sent to the origin, applied after VCL (so it also holds under shielding). It
   * does not change the certificate or SNI hostname.
   * @default - the client's Host header is passed through
   */
  readonly overrideHost?: string;
  /**
   * How long to wait for a connection.
   * @default Duration.seconds(1)
   */
  readonly connectTimeout?: Duration;
  /**
   * How long to wait for the first byte of the response.
   * @default Duration.seconds(15)
   */
  readonly firstByteTimeout?: Duration;
  /**
   * How long to wait between bytes of the response.
   * @default Duration.seconds(10)
   */
  readonly betweenBytesTimeout?: Duration;
  /**
   * How long to keep an idle connection open; whole seconds, at least 1.
   * @default - Fastly keeps connections open as long as it can (the attribute is left out)
   */
  readonly keepaliveTime?: Duration;
  /**
   * The longest a connection may live; `Duration.millis(0)` means unlimited.
   * @default - unlimited
   */
  readonly maxLifetime?: Duration;
  /**
   * How many requests a connection may carry; 0 means unlimited.
   * @default 0
   */
  readonly maxUse?: number;
  /**
   * The most concurrent connections from one Fastly cache node to this origin.
   * @default 200
   */
  readonly maxConn?: number;
  /**
   * Errors allowed before the backend is marked down; 0 turns the check off.
   * @default 0
   */
  readonly errorThreshold?: number;
  /**
   * Relative share of traffic when load balanced (automatic load balancing or a director).
   * @default 100
   */
  readonly weight?: number;
  /**
   * Backends with identical definitions and the same share key share one healthcheck and
   * connection pool. Letters and digits only.
   * @default - not shared
   */
  readonly shareKey?: string;
  /**
   * Prefer IPv6 when the address resolves to both.
   * @default - false on VCL services, true on Compute services (the provider's defaults)
   */
  readonly preferIpv6?: boolean;
  /**
   * The healthcheck that marks this backend healthy or sick; it must belong to the same service.
   * @default - no healthcheck: the backend is always considered healthy
   */
  readonly healthcheck?: Healthcheck;
}

/** Every backend attribute of the Fastly provider except address, name and routing. All optional. */
export interface BackendOptions extends BackendSettings {
  /**
   * The shield POP code (e.g. "iad-va-us"; see `Pop`) that fetches from this origin for all other POPs.
   * @default - no shielding
   */
  readonly shield?: string;
}

/** Props of a `Backend`. */
export interface BackendProps extends BackendOptions {
  /** Where the origin is: a hostname, an IPv4 or an IPv6 address (no scheme, port or path). */
  readonly address: string;
  /**
   * The backend name in the service.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Send requests matching this REQUEST condition to this backend (VCL services only).
   * @default - no condition
   */
  readonly requestCondition?: Condition;
  /**
   * Put this backend in the service's automatic load-balancing group, weighted by `weight`
   * (VCL services only; not combinable with `requestCondition`).
   * @default false
   */
  readonly autoLoadbalance?: boolean;
}


// The provider's defaults, written out explicitly.
const DEFAULT_CONNECT_TIMEOUT = Duration.seconds(1);
const DEFAULT_FIRST_BYTE_TIMEOUT = Duration.seconds(15);
const DEFAULT_BETWEEN_BYTES_TIMEOUT = Duration.seconds(10);
const UNLIMITED = Duration.millis(0);

/**
 * A Fastly backend: one origin server of a service.
 *
 * Secure by default: TLS on port 443 with certificate checks, and the certificate and SNI
 * hostnames taken from a hostname address. Every attribute is written out, so `terraform plan`
 * shows no drift from provider defaults.
 */
export class Backend extends Construct {
  /** The backend name in the service. */
  public readonly name: string;
  /** The origin address. */
  public readonly address: string;
  /** The service this backend belongs to. */
  public readonly service: ServiceBase;
  /** The condition that routes requests to this backend, if any. */
  public readonly requestCondition?: Condition;
  /** Whether this backend is in the automatic load-balancing group. */
  public readonly autoLoadbalance: boolean;
  /** The healthcheck of this backend, if any. */
  public readonly healthcheck?: Healthcheck;
  /** The shield POP code, if shielded. */
  public readonly shield?: string;
  /** The load-balancing weight. */
  public readonly weight: number;

  constructor(scope: Construct, id: string, props: BackendProps) {
    super(scope, id);
    this.service = serviceOf(this, 'a Backend');
    this.name = props.name ?? id;
    this.address = props.address;
    this.requestCondition = props.requestCondition;
    this.autoLoadbalance = props.autoLoadbalance ?? false;
    this.healthcheck = props.healthcheck;
    this.shield = props.shield;
    this.weight = props.weight ?? 100;

    const rendered = this.render(props);
    internalsOf(this.service).addBlock({ type: 'backend', construct: this, name: this.name, render: () => rendered });
  }

  /**
   * The backend block in the L1's camelCase shape, with the secure defaults filled in. Values are
   * checked by the service's rules on this rendering; only what the rendering cannot show is
   * checked here.
   */
  private render(props: BackendProps): { [key: string]: any } {
    const checker = new PropChecker(this);
    const vcl = this.service.kind === ServiceKind.VCL;
    const deployTime = Token.isUnresolved(props.address);
    // A deploy-time address is taken as a hostname (the service guards that at plan).
    const addressKind = deployTime ? AddressKind.HOSTNAME : classifyAddress(props.address ?? '');
    const useSsl = props.useSsl ?? true;
    const tls = useSsl !== false;
    const sslCheckCert = props.sslCheckCert ?? true;
    if (!tls && props.sslCheckCert !== undefined) {
      checker.fail('sslCheckCert', props.sslCheckCert, 'allowed: only with useSsl: true; remove it or turn TLS on', 'backend/tls-only-setting', true);
    }
    const sslCertHostname = props.sslCertHostname ?? (tls && addressKind === AddressKind.HOSTNAME ? props.address : undefined);
    // A malformed certificate hostname is reported once, on sslCertHostname, not again as the SNI it would default.
    const certHostnameUsable = sslCertHostname !== undefined && (Token.isUnresolved(sslCertHostname) || isHostname(sslCertHostname));
    const sslSniHostname = props.sslSniHostname ?? (tls && certHostnameUsable ? sslCertHostname : undefined);
    if (deployTime && tls && props.sslCertHostname === undefined) {
      internalsOf(this.service).requireHostnameAtDeploy(props.address, this,
        props.sslSniHostname === undefined ? ['sslCertHostname', 'sslSniHostname'] : ['sslCertHostname']);
    }
    if (!vcl) {
      if (props.requestCondition !== undefined) {
        checker.fail('requestCondition', props.requestCondition, 'allowed: only on VCL services; Compute programs pick their backend in code', 'backend/vcl-only');
      }
      if (props.autoLoadbalance !== undefined) {
        checker.fail('autoLoadbalance', props.autoLoadbalance, 'allowed: only on VCL services; Compute has no automatic load balancing', 'backend/vcl-only');
      }
    }
    // The same rules as a dangling name in the body, so the name missing from this service is not reported again.
    const references = [['healthcheck', props.healthcheck, 'reference/healthcheck'],
      ...(vcl ? [['requestCondition', props.requestCondition, 'reference/condition'] as const] : [])] as const;
    for (const [prop, construct, rule] of references) {
      if (construct && construct.service !== this.service) {
        checker.fail(prop, construct, `allowed: a ${construct.constructor.name} of the same service (${this.service.node.path}); `
          + 'Fastly only resolves names inside one service', rule);
      }
    }
    const checkedName = props.sslCertHostname !== undefined ? 'sslCertHostname' : 'address';
    const checksCertificate = tls && sslCheckCert && sslCertHostname !== undefined && !Token.isUnresolved(sslCertHostname);
    const bucket = checksCertificate ? dottedBucket(sslCertHostname!) : undefined;
    if (bucket) Annotations.of(this).addWarning(propProblem(checkedName, sslCertHostname, dottedBucketProblem(bucket), 'backend/bucket-dots'));
    if (tls && sslCheckCert === false) {
      Annotations.of(this).addWarning('sslCheckCert is false: Fastly accepts any certificate from this origin, including an '
        + 'attacker\'s; prefer sslCaCert for a private CA, or sslCertHostname for a certificate issued to another name [backend/insecure]');
    }
    return {
      name: this.name,
      address: props.address,
      port: props.port ?? (tls ? 443 : 80),
      useSsl,
      sslCheckCert,
      sslCertHostname: sslCertHostname ?? '',
      sslSniHostname: sslSniHostname ?? '',
      sslCaCert: props.sslCaCert ?? '',
      sslCiphers: props.sslCiphers ?? '',
      sslClientCert: props.sslClientCert ?? '',
      sslClientKey: props.sslClientKey ?? '',
      minTlsVersion: props.minTlsVersion ?? '',
      maxTlsVersion: props.maxTlsVersion ?? '',
      overrideHost: props.overrideHost ?? '',
      connectTimeout: checker.millis('connectTimeout', props.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT, 'backend/timeout'),
      firstByteTimeout: checker.millis('firstByteTimeout', props.firstByteTimeout ?? DEFAULT_FIRST_BYTE_TIMEOUT, 'backend/timeout'),
      betweenBytesTimeout: checker.millis('betweenBytesTimeout', props.betweenBytesTimeout ?? DEFAULT_BETWEEN_BYTES_TIMEOUT, 'backend/timeout'),
      // Optional+computed in the provider: written only when chosen, so Fastly's value never drifts.
      keepaliveTime: checker.seconds('keepaliveTime', props.keepaliveTime, 'backend/keepalive'),
      maxLifetime: checker.millis('maxLifetime', props.maxLifetime ?? UNLIMITED, 'backend/connection-limit'),
      maxUse: props.maxUse ?? 0,
      maxConn: props.maxConn ?? 200,
      errorThreshold: props.errorThreshold ?? 0,
      weight: this.weight,
      shield: props.shield ?? '',
      shareKey: props.shareKey ?? '',
      preferIpv6: props.preferIpv6 ?? !vcl,
      healthcheck: props.healthcheck?.name ?? '',
      ...(vcl ? { autoLoadbalance: this.autoLoadbalance, requestCondition: props.requestCondition?.name ?? '' } : {}),
    };
  }
}
