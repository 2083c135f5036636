import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { FastlyProvider } from '../../src';
import { validationErrors, warningsOf } from '../util';

describe('FastlyProvider', () => {
  test('declares fastly/fastly with a 9.x range and no credentials by default', () => {
    const stack = new TerraformStack(Testing.app(), 'edge');
    new FastlyProvider(stack, 'fastly', {});
    const json = JSON.parse(Testing.synth(stack, true));
    expect(json.terraform.required_providers.fastly).toEqual({ source: 'fastly/fastly', version: '>= 9.5.1, < 10.0.0' });
    expect(json.provider.fastly).toEqual([{}]);
  });

  test('renders every prop', () => {
    const stack = new TerraformStack(Testing.app(), 'edge');
    const key = new TerraformVariable(stack, 'fastly_api_key', { type: 'string', sensitive: true });
    new FastlyProvider(stack, 'fastly', { apiKey: key.stringValue, baseUrl: 'https://api.example.net', forceHttp2: true, alias: 'staging' });
    new FastlyProvider(stack, 'public', { noAuth: true });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(json.provider.fastly).toEqual([
      { alias: 'staging', api_key: '${var.fastly_api_key}', base_url: 'https://api.example.net', force_http2: true },
      { no_auth: true },
    ]);
  });

  test('warns about a literal API key', () => {
    const stack = new TerraformStack(Testing.app(), 'edge');
    const provider = new FastlyProvider(stack, 'fastly', { apiKey: 'literal-key' });
    expect(warningsOf(provider)).toEqual([
      'apiKey is a literal string, so it is written to cdk.tf.json and Terraform state; leave it out and set FASTLY_API_KEY at deploy time, or pass a TerraformVariable marked sensitive [provider/literal-api-key]',
    ]);
  });

  test('rejects a base URL without a scheme, and noAuth with a key', () => {
    const stack = new TerraformStack(Testing.app(), 'edge');
    new FastlyProvider(stack, 'fastly', { baseUrl: 'api.example.net', noAuth: true, apiKey: 'k' });
    expect(validationErrors(stack)).toEqual([
      '[edge/fastly] baseUrl: got "api.example.net"; allowed: an http(s) URL such as "https://api.example.net" [provider/base-url]',
      '[edge/fastly] noAuth: got true; allowed: noAuth without apiKey; an API key is pointless when requests are not authenticated [provider/no-auth]',
    ]);
  });
});
