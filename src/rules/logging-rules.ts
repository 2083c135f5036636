import { attributeRule, elementRule, isKnown, isSet, ServiceRule, ServiceView } from './rule';
import { loggingBlocks } from './value-rules';

// Sources: fastly/terraform-provider-fastly, fastly/block_fastly_service_logging_<type>.go and
// fastly/validators.go. The documented values of single attributes are in data/block-values.json.

/** gzip_level's schema default, which the provider uses to mean "not set" and does not send. */
const GZIP_LEVEL_UNSET = -1;

/** Attributes the provider checks with validateStringTrimmed ("must not contain trailing space characters"). */
const TRIMMED: { [block: string]: string[] } = {
  logging_s3: ['public_key'],
  logging_sftp: ['public_key', 'secret_key'],
  logging_kafka: ['tls_ca_cert', 'tls_client_cert', 'tls_client_key'],
  logging_https: ['tls_ca_cert', 'tls_client_cert', 'tls_client_key'],
};

/** A rule over every logging endpoint block; each finding names the block type it is about. */
function everyLoggingBlock(id: string, rule: (block: string) => ServiceRule): ServiceRule {
  return { id, check: (service: ServiceView) => loggingBlocks().flatMap((block) => rule(block).check(service)) };
}

/** Rules for logging endpoints (`logging_s3` and the rest) that relate attributes to each other. */
export const LOGGING_RULES: ServiceRule[] = [
  // The compression_codec description: "Specifying both compression_codec and gzip_level in the same API request will result in an error."
  everyLoggingBlock('logging/compression', (block) => attributeRule('logging/compression', block, 'gzip_level', (level, endpoint) =>
    Number(level) === GZIP_LEVEL_UNSET || !isSet(endpoint.compression_codec) || !isKnown(endpoint.compression_codec) ? undefined
      : `allowed: not together with {{compression_codec}} (${JSON.stringify(endpoint.compression_codec)}); the Fastly API rejects both. `
        + 'Leave gzip_level out, or leave compression_codec out to choose the gzip level')),
  // Create fails with "either password or secret_key must be set".
  elementRule('logging/sftp-auth', 'logging_sftp', (endpoint) => {
    const given = [endpoint.password, endpoint.secret_key];
    if (given.some((value) => isSet(value)) || given.some((value) => value !== undefined && value !== null && !isKnown(value))) return [];
    return [{
      severity: 'error',
      attribute: 'password',
      value: endpoint.password,
      message: 'allowed: a password or a {{secret_key}}; the provider fails the apply with "either password or secret_key must be set"',
    }];
  }),
  // url is checked with validation.IsURLWithHTTPS.
  attributeRule('logging/https', 'logging_https', 'url', (url) => /^https:\/\/[^/\s]+/.test(url) ? undefined
    : 'allowed: an https:// URL; the provider accepts no other scheme'),
  // server_side_encryption_kms_key_id: "Must be set if server_side_encryption is set to aws:kms".
  attributeRule('logging/s3-encryption', 'logging_s3', 'server_side_encryption', (encryption, endpoint) =>
    encryption !== 'aws:kms' || isSet(endpoint.server_side_encryption_kms_key_id) ? undefined
      : 'allowed: aws:kms together with {{server_side_encryption_kms_key_id}}, which must be set for it'),
  {
    id: 'logging/trimmed',
    check: (service) => Object.entries(TRIMMED).flatMap(([block, attributes]) => attributes.flatMap((attribute) =>
      attributeRule('logging/trimmed', block, attribute, (text) => typeof text !== 'string' || text === text.trim() ? undefined
        : 'allowed: text without leading or trailing white space (the provider rejects it; a heredoc\'s last line break counts). Use trimspace()')
        .check(service))),
  },
];
