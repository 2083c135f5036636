import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { PropChecker } from './prop-checker';
import * as provider from '../generated/provider';

/** Props of the Fastly provider. */
export interface FastlyProviderProps {
  /**
   * The Fastly API key. Prefer leaving it out: a literal key is written to `cdk.tf.json`.
   * @default - the FASTLY_API_KEY environment variable at deploy time
   */
  readonly apiKey?: string;
  /**
   * The Fastly API endpoint.
   * @default - the FASTLY_API_URL environment variable, else Fastly's public API
   */
  readonly baseUrl?: string;
  /**
   * Do not authenticate (only for configurations that use unauthenticated data sources).
   * @default false
   */
  readonly noAuth?: boolean;
  /**
   * Force HTTP/2 to the API.
   * @default false
   */
  readonly forceHttp2?: boolean;
  /**
   * An alias, to use several Fastly accounts in one stack.
   * @default - the default provider configuration
   */
  readonly alias?: string;
}

/**
 * The `fastly` provider, with `required_providers.fastly` set to `fastly/fastly` and the 9.x range
 * the library's bindings were generated for.
 */
export class FastlyProvider extends provider.FastlyProvider {
  constructor(scope: Construct, id: string, props: FastlyProviderProps = {}) {
    super(scope, id, props);
    const checker = new PropChecker(this);
    checker.check('baseUrl', props.baseUrl, (url) => /^https?:\/\/[^\s/]+(\/\S*)?$/.test(url), 'allowed: an http(s) URL such as "https://api.example.net"', 'provider/base-url');
    if (props.noAuth === true && props.apiKey !== undefined) {
      checker.fail('noAuth', true, 'allowed: noAuth without apiKey; an API key is pointless when requests are not authenticated', 'provider/no-auth');
    }
    if (props.apiKey !== undefined && !Token.isUnresolved(props.apiKey)) {
      Annotations.of(this).addWarning('apiKey is a literal string, so it is written to cdk.tf.json and Terraform state; '
        + 'leave it out and set FASTLY_API_KEY at deploy time, or pass a TerraformVariable marked sensitive [provider/literal-api-key]');
    }
  }
}
