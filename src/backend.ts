import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AddressKind, classifyAddress, explainBadAddress, isHostname } from './address';
import { Condition, ConditionType } from './condition';
import { Duration } from './duration';
import { Healthcheck } from './healthcheck';
import { blockNameProblem } from './names';
import { shieldCodeProblem } from './pop';
import { serviceOf, ServiceBase, ServiceKind } from './service';
import { tlsVersionRank, TlsVersion } from './tls-version';
import { isResolved, PropChecker } from './validation';

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
   * @default - the address when it is a hostname and TLS is on; required for an IP address with certificate checks
   */
  readonly sslCertHostname?: string;
  /**
   * The hostname sent as TLS SNI.
   * @default - `sslCertHostname` (which defaults to a hostname address) when TLS is on
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
   * The Host header sent to the origin, applied after VCL (so it also holds under shielding).
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

const CIPHER_LIST = /^[A-Za-z0-9!+@=_.-]+(?:[:, ][A-Za-z0-9!+@=_.-]+)*$/;
const PEM_CERTIFICATE = /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/;
const PEM_PRIVATE_KEY = /^-----BEGIN ([A-Z]+ )?PRIVATE KEY-----[\s\S]+-----END ([A-Z]+ )?PRIVATE KEY-----\s*$/;
const TLS_ONLY_PROPS = ['sslCertHostname', 'sslSniHostname', 'sslCaCert', 'sslCiphers', 'sslClientCert', 'sslClientKey',
  'minTlsVersion', 'maxTlsVersion'] as const;

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
  /** @internal How routing messages name what this backend routes to (a pool names itself). */
  public _routeLabel: string;

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
    this._routeLabel = `backend ${JSON.stringify(this.name)} (${this.node.path})`;

    const rendered = this.resolve(props);
    this.service._addBlock({ type: 'backend', construct: this, name: this.name, render: () => rendered });
    this.node.addValidation({ validate: () => this.validateReferences() });
  }

  /** Checks every prop and returns the backend block in the L1's camelCase shape. */
  private resolve(props: BackendProps): { [key: string]: any } {
    const checker = new PropChecker(this);
    const vcl = this.service.kind === ServiceKind.VCL;

    const nameProblem = blockNameProblem(this.name);
    if (nameProblem) checker.fail('name', this.name, nameProblem);
    const addressKind = Token.isUnresolved(props.address) ? undefined : classifyAddress(props.address ?? '');
    if (!Token.isUnresolved(props.address) && addressKind === undefined) {
      checker.fail('address', props.address, explainBadAddress(props.address ?? ''));
    }

    const useSsl = props.useSsl ?? true;
    const port = props.port ?? (useSsl === false ? 80 : 443);
    checker.integer('port', port, 1, 65_535);
    if (useSsl === true && port === 80) {
      checker.fail('port', port, 'allowed: a TLS port with useSsl: true (usually 443); port 80 with TLS fails the handshake. Set useSsl: false for plain HTTP');
    }
    if (useSsl === false && port === 443) {
      checker.fail('port', port, 'allowed: a plain-HTTP port with useSsl: false (usually 80); port 443 speaks TLS. Remove useSsl: false to connect with TLS');
    }

    const sslCheckCert = props.sslCheckCert ?? true;
    if (useSsl === false) {
      for (const prop of TLS_ONLY_PROPS) {
        if (props[prop] !== undefined) checker.fail(prop, props[prop], 'allowed: only with useSsl: true; remove it or turn TLS on');
      }
      if (props.sslCheckCert !== undefined) checker.fail('sslCheckCert', props.sslCheckCert, 'allowed: only with useSsl: true; remove it or turn TLS on');
    }
    const tls = useSsl !== false;
    checker.check('sslCertHostname', props.sslCertHostname, isHostname, 'allowed: a fully qualified hostname, e.g. "origin.example.com"');
    checker.check('sslSniHostname', props.sslSniHostname, isHostname, 'allowed: a fully qualified hostname, e.g. "origin.example.com"');
    const sslCertHostname = props.sslCertHostname ?? (tls && addressKind === AddressKind.HOSTNAME ? props.address : undefined);
    const sslSniHostname = props.sslSniHostname ?? (tls ? sslCertHostname : undefined);
    if (tls && sslCheckCert === true && sslCertHostname === undefined && addressKind !== undefined) {
      checker.fail('sslCertHostname', undefined, `allowed: the hostname on the origin's certificate; it is required for the ${addressKind} `
        + `address ${JSON.stringify(props.address)} because certificate checks are on (Fastly fails VCL compilation without it)`);
    }
    if (sslCheckCert === false) {
      checker.check('sslCaCert', props.sslCaCert, () => false, 'allowed: only with sslCheckCert: true; a CA is pointless when certificates are not checked');
    }
    checker.check('sslCaCert', props.sslCaCert, (pem) => PEM_CERTIFICATE.test(pem.trim()), 'allowed: a PEM certificate ("-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----")');
    checker.check('sslClientCert', props.sslClientCert, (pem) => PEM_CERTIFICATE.test(pem.trim()), 'allowed: a PEM certificate ("-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----")');
    checker.check('sslClientKey', props.sslClientKey, (pem) => PEM_PRIVATE_KEY.test(pem.trim()), 'allowed: a PEM private key ("-----BEGIN PRIVATE KEY-----" … "-----END PRIVATE KEY-----")');
    if ((props.sslClientCert === undefined) !== (props.sslClientKey === undefined)) {
      const [given, missing] = props.sslClientCert === undefined ? ['sslClientKey', 'sslClientCert'] : ['sslClientCert', 'sslClientKey'];
      checker.fail(missing, undefined, `allowed: set together with ${given}; mutual TLS needs both the certificate and its key`);
    }
    checker.check('sslCiphers', props.sslCiphers, (ciphers) => CIPHER_LIST.test(ciphers), 'allowed: an OpenSSL cipher list such as "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384"');
    const versions = Object.values(TlsVersion).join(', ');
    checker.check('minTlsVersion', props.minTlsVersion, (v) => tlsVersionRank(v) >= 0, `allowed: a TlsVersion (${versions})`);
    checker.check('maxTlsVersion', props.maxTlsVersion, (v) => tlsVersionRank(v) >= 0, `allowed: a TlsVersion (${versions})`);
    if (isResolved(props.minTlsVersion) && isResolved(props.maxTlsVersion)
      && tlsVersionRank(props.minTlsVersion) > tlsVersionRank(props.maxTlsVersion)) {
      checker.fail('maxTlsVersion', props.maxTlsVersion, `allowed: ${props.minTlsVersion} (minTlsVersion) or higher; no version could be negotiated`);
    }
    checker.check('overrideHost', props.overrideHost, (host) => classifyAddress(host.replace(/:\d{1,5}$/, '')) !== undefined,
      'allowed: a Host header value such as "origin.example.com" (no scheme or path)');

    const connectTimeout = checker.millis('connectTimeout', props.connectTimeout ?? Duration.seconds(1), 1);
    const firstByteTimeout = checker.millis('firstByteTimeout', props.firstByteTimeout ?? Duration.seconds(15), 1);
    const betweenBytesTimeout = checker.millis('betweenBytesTimeout', props.betweenBytesTimeout ?? Duration.seconds(10), 1);
    const keepaliveTime = checker.seconds('keepaliveTime', props.keepaliveTime, 1);
    const maxLifetime = checker.millis('maxLifetime', props.maxLifetime ?? Duration.millis(0), 0);
    const maxUse = props.maxUse ?? 0;
    checker.integer('maxUse', maxUse, 0);
    const maxConn = props.maxConn ?? 200;
    checker.integer('maxConn', maxConn, 1);
    const errorThreshold = props.errorThreshold ?? 0;
    checker.integer('errorThreshold', errorThreshold, 0);
    checker.integer('weight', this.weight, 1);
    if (props.shield !== undefined && !Token.isUnresolved(props.shield)) {
      const problem = shieldCodeProblem(props.shield);
      if (problem) checker.fail('shield', props.shield, `allowed: a current Fastly shield POP code; ${problem}`);
    }
    checker.check('shareKey', props.shareKey, (key) => /^[A-Za-z0-9]+$/.test(key), 'allowed: letters and digits only');

    if (!vcl) {
      if (props.requestCondition !== undefined) {
        checker.fail('requestCondition', props.requestCondition, 'allowed: only on VCL services; Compute programs pick their backend in code');
      }
      if (props.autoLoadbalance !== undefined) {
        checker.fail('autoLoadbalance', props.autoLoadbalance, 'allowed: only on VCL services; Compute has no automatic load balancing');
      }
      if (props.preferIpv6 === false) {
        checker.fail('preferIpv6', false, 'allowed: true (or unset) on Compute services; the Fastly API rejects prefer_ipv6 = false '
          + 'there ("only available for VCL services")');
      }
    }
    if (props.requestCondition !== undefined && this.autoLoadbalance === true) {
      checker.fail('autoLoadbalance', true, 'allowed: false when requestCondition is set; Fastly takes a conditioned backend out of '
        + 'automatic load balancing, so the weight would silently do nothing');
    }
    checker.throwIfAny();

    if (tls && sslCheckCert === false) {
      Annotations.of(this).addWarning('sslCheckCert is false: Fastly accepts any certificate from this origin, including an '
        + 'attacker\'s; prefer sslCaCert for a private CA, or sslCertHostname for a certificate issued to another name');
    }
    return {
      name: this.name,
      address: props.address,
      port,
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
      connectTimeout,
      firstByteTimeout,
      betweenBytesTimeout,
      // Optional+computed in the provider: written only when chosen, so Fastly's value never drifts.
      keepaliveTime,
      maxLifetime,
      maxUse,
      maxConn,
      errorThreshold,
      weight: this.weight,
      shield: props.shield ?? '',
      shareKey: props.shareKey ?? '',
      preferIpv6: props.preferIpv6 ?? !vcl,
      healthcheck: props.healthcheck?.name ?? '',
      ...(vcl ? { autoLoadbalance: this.autoLoadbalance, requestCondition: props.requestCondition?.name ?? '' } : {}),
    };
  }

  private validateReferences(): string[] {
    const problems: string[] = [];
    if (this.healthcheck && this.healthcheck.service !== this.service) {
      problems.push(`healthcheck: got <${this.healthcheck.node.path}>; allowed: a Healthcheck of the same service `
        + `(${this.service.node.path}); Fastly only resolves healthcheck names inside one service`);
    }
    const condition = this.requestCondition;
    if (condition && condition.service !== this.service) {
      problems.push(`requestCondition: got <${condition.node.path}>; allowed: a Condition of the same service `
        + `(${this.service.node.path}); Fastly only resolves condition names inside one service`);
    }
    if (condition && condition.type !== ConditionType.REQUEST) {
      problems.push(`requestCondition: got <${condition.node.path}> of type ${condition.type}; allowed: a condition of type REQUEST `
        + '(backends are chosen in vcl_recv, where only REQUEST conditions run)');
    }
    return problems;
  }
}
