import { attributeRule, integerIn, isKnown, isSet, RawFinding, ServiceRule } from './rule';
import { isHostname } from '../fastly/address';

/** Rules for a service's own attributes and its domains. */
export const SERVICE_RULES: ServiceRule[] = [
  {
    id: 'service/name',
    check: (service) => {
      const name = service.body.name;
      return isKnown(name) && (typeof name !== 'string' || name.trim() === '' || name.trim() !== name)
        ? [{ rule: 'service/name', severity: 'error', attribute: 'name', value: name, message: 'allowed: a non-empty name without leading or trailing white space' }]
        : [];
    },
  },
  attributeRule('service/domain', 'domain', 'name', (domain) => isHostname(domain.startsWith('*.') ? domain.slice(2) : domain) ? undefined
    : 'allowed: a fully qualified hostname such as "www.example.com", or a wildcard such as "*.example.com"'),
  // Fastly accepts upper-case service domains and lower-cases them (the project's provider notes on the corpus of accepted configurations).
  attributeRule('service/domain-case', 'domain', 'name', (domain) => domain === domain.toLowerCase() ? undefined
    : `allowed: lower case; Fastly stores domains lower-cased, so it would not hold what the configuration says. Write ${JSON.stringify(domain.toLowerCase())}`,
  'warning'),
  {
    id: 'service/domain',
    check: (service) => {
      const seen = new Set<string>();
      const findings: RawFinding[] = [];
      service.blocks('domain').forEach((domain, index) => {
        if (!isKnown(domain.name)) return;
        const key = String(domain.name).toLowerCase();
        if (seen.has(key)) {
          findings.push({
            rule: 'service/domain',
            severity: 'error',
            block: 'domain',
            index,
            attribute: 'name',
            value: domain.name,
            message: 'allowed: each domain once (domains are case-insensitive)',
          });
        }
        seen.add(key);
      });
      return findings;
    },
  },
  {
    id: 'service/default-ttl',
    check: (service) => {
      const ttl = service.body.default_ttl;
      const problem = isKnown(ttl) ? integerIn(0)(ttl) : undefined;
      return problem ? [{ rule: 'service/default-ttl', severity: 'error', attribute: 'default_ttl', value: ttl, message: `${problem} (seconds)` }] : [];
    },
  },
  {
    id: 'service/compute-package',
    check: (service) => {
      if (service.vcl) return [];
      const pkg = [service.body.package].flat()[0] as { [key: string]: unknown } | undefined;
      if (pkg && isSet(pkg.filename) === isSet(pkg.content)) {
        return [{ rule: 'service/compute-package', severity: 'error', attribute: 'package', value: pkg, message: 'allowed: exactly one of filename and content' }];
      }
      return !pkg && service.body.activate !== false
        ? [{
          rule: 'service/compute-package',
          severity: 'error',
          attribute: 'activate',
          value: service.body.activate ?? true,
          message: 'allowed: false without a package; Fastly cannot activate a Compute version that has no package',
        }]
        : [];
    },
  },
  {
    id: 'service/destroy-mode',
    check: (service) => service.body.force_destroy === true && service.body.reuse === true
      ? [{
        rule: 'service/destroy-mode',
        severity: 'error',
        attribute: 'reuse',
        value: true,
        message: 'allowed: not together with force_destroy; '
        + 'choose deleting the service (force_destroy) or keeping it for another project (reuse)',
      }]
      : [],
  },
];
