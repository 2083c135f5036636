import { attributeRule, elementRule, ServiceRule } from './rule';

// Source: fastly/terraform-provider-fastly, fastly/block_fastly_service_ratelimiter.go. The
// documented values of action, window_size and logger_type are in data/block-values.json.

/** Rules for rate limiters beyond the values of single attributes. */
export const RATE_LIMITER_RULES: ServiceRule[] = [
  // "invalid http_methods: should contain no spaces" / "each method should be UPPERCASE".
  attributeRule('rate-limiter/http-methods', 'rate_limiter', 'http_methods', (methods) => {
    const text = String(methods);
    return !text.includes(' ') && text === text.toUpperCase() ? undefined
      : 'allowed: upper-case methods separated by commas without spaces, e.g. "GET,POST"';
  }),
  // "invalid client_key: should contain no spaces".
  attributeRule('rate-limiter/client-key', 'rate_limiter', 'client_key', (key) => !String(key).includes(' ') ? undefined
    : 'allowed: VCL variables separated by commas without spaces, e.g. "req.http.Fastly-Client-IP,req.http.User-Agent"'),
  // response: "Required if action is response"; response_object_name: "Required if action is response_object".
  elementRule('rate-limiter/response', 'rate_limiter', (limiter) => {
    if (limiter.action === 'response' && (limiter.response === undefined || limiter.response === null
      || (Array.isArray(limiter.response) && limiter.response.length === 0))) {
      return [{ severity: 'error', attribute: 'response', value: undefined, message: 'allowed: a response block (status, content_type, content) when {{action}} is "response"' }];
    }
    if (limiter.action === 'response_object' && !limiter.response_object_name) {
      return [{
        severity: 'error',
        attribute: 'response_object_name',
        value: undefined,
        message: 'allowed: the name of a response object of this service when {{action}} is "response_object"',
      }];
    }
    return [];
  }),
];
