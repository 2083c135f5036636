import { attributeRule, elementRule, integerIn, isKnown, ServiceRule } from './rule';
import { isHostHeader } from '../fastly/address';

/** The methods a probe can use; `HealthcheckMethod` is their union. */
export const HEALTHCHECK_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] as const;
const KNOWN_METHODS: readonly string[] = HEALTHCHECK_METHODS;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([^\r\n]*)$/;

/** Rules for `healthcheck` blocks: probe format, timing ranges, and whether a backend can ever be healthy. */
export const HEALTHCHECK_RULES: ServiceRule[] = [
  attributeRule('healthcheck/host', 'healthcheck', 'host', (host) => isHostHeader(host) ? undefined
    : 'allowed: a hostname or IP address, optionally with ":port" (no scheme or path)'),
  attributeRule('healthcheck/path', 'healthcheck', 'path', (path) => /^\/\S*$/.test(path) ? undefined
    : 'allowed: a path starting with "/" and without white space'),
  attributeRule('healthcheck/method', 'healthcheck', 'method', (method) => KNOWN_METHODS.includes(method) ? undefined
    : `allowed: one of ${HEALTHCHECK_METHODS.join(', ')} (upper case)`),
  attributeRule('healthcheck/expected-response', 'healthcheck', 'expected_response', integerIn(100, 599)),
  attributeRule('healthcheck/interval', 'healthcheck', 'check_interval', (ms) => Number.isInteger(ms) && ms >= 1_000 && ms <= 3_600_000 ? undefined
    : 'allowed: a whole number of milliseconds from 1000 (1 s) to 3600000 (1 h)'),
  attributeRule('healthcheck/timeout', 'healthcheck', 'timeout', (ms) => Number.isInteger(ms) && ms >= 1 ? undefined
    : 'allowed: a whole number of milliseconds, at least 1'),
  // Fastly states no such rule, and the provider's own defaults are 5000/5000 (defaults-and-validators §4).
  attributeRule('healthcheck/timeout', 'healthcheck', 'timeout', (ms, check) => Number.isInteger(ms) && isKnown(check.check_interval) && ms >= check.check_interval
    ? `allowed: shorter than {{check_interval}} (${check.check_interval} ms), or probes overlap and a slow origin is never marked sick in time`
    : undefined, 'strict'),
  attributeRule('healthcheck/window', 'healthcheck', 'window', integerIn(1)),
  // The API accepted window = 5000 (semantics §3.1); 64 is Varnish's cap, not a documented Fastly one.
  attributeRule('healthcheck/window', 'healthcheck', 'window', (window) => !Number.isInteger(window) || window <= 64 ? undefined
    : 'allowed: an integer from 1 to 64', 'strict'),
  attributeRule('healthcheck/threshold', 'healthcheck', 'threshold', (threshold, check) => integerIn(1)(threshold)
    ?? (isKnown(check.window) && threshold > check.window ? `allowed: at most {{window}} (${check.window}); otherwise the origin can never become healthy` : undefined)),
  attributeRule('healthcheck/initial', 'healthcheck', 'initial', (initial, check) => integerIn(0)(initial)
    ?? (isKnown(check.window) && initial > check.window ? `allowed: at most {{window}} (${check.window})` : undefined)),
  attributeRule('healthcheck/starts-sick', 'healthcheck', 'initial', (initial, check) =>
    isKnown(check.threshold) && initial < check.threshold
      ? `allowed: at least {{threshold}} (${check.threshold}); below it every backend using this check starts sick after each activation`
      : undefined, 'warning'),
  attributeRule('healthcheck/http-version', 'healthcheck', 'http_version', (version) => version === '1.0' || version === '1.1' ? undefined
    : 'allowed: "1.0" or "1.1"'),
  elementRule('healthcheck/unused', 'healthcheck', (check, _index, service) =>
    !isKnown(check.name) || !service.complete('backend')
      || service.blocks('backend').some((backend) => backend.healthcheck === check.name || !isKnown(backend.healthcheck)) ? []
      : [{
        severity: 'warning',
        attribute: 'name',
        value: check.name,
        message: 'allowed: the name of a healthcheck that a backend uses; no '
        + 'backend refers to this one, so it probes without marking anything sick. Set it as a backend\'s healthcheck, or remove it',
      }]),
  elementRule('healthcheck/headers', 'healthcheck', (check) => (Array.isArray(check.headers) ? check.headers : [])
    .filter((line: unknown) => isKnown(line))
    .flatMap((line: string) => {
      const match = HEADER_LINE.exec(line);
      if (!match) {
        return [{
          severity: 'error' as const,
          attribute: 'headers',
          value: line,
          message: 'allowed: "Name: value" lines without line breaks, '
          + 'the name made of letters, digits and !#$%&\'*+.^_`|~-',
        }];
      }
      return match[1].toLowerCase() === 'host'
        ? [{ severity: 'error' as const, attribute: 'headers', value: line, message: 'allowed: any header but Host; set {{host}} instead' }]
        : [];
    })),
];
