import * as Fastly from 'fastly';
import { IFastlyApi, startFastlyApi } from '../../src/fastly-api';

/** Fastly's own JavaScript API client, pointed at a local API. */
export function fastlyClient(url: string, key: string = 'local-test-key') {
  const client = new Fastly.ApiClient();
  client.authenticate(key);
  // Every operation of the generated client carries Fastly's base URL, which wins over the
  // client's basePath: point the operations at the local API instead.
  const buildUrl = client.buildUrl.bind(client);
  client.buildUrl = (path: string, pathParams: object, allowReserved: object) => buildUrl(path, pathParams, allowReserved, url);
  return {
    service: new Fastly.ServiceApi(client),
    version: new Fastly.VersionApi(client),
    settings: new Fastly.SettingsApi(client),
    http3: new Fastly.Http3Api(client),
    domain: new Fastly.DomainApi(client),
    healthcheck: new Fastly.HealthcheckApi(client),
    condition: new Fastly.ConditionApi(client),
    backend: new Fastly.BackendApi(client),
    director: new Fastly.DirectorApi(client),
    directorBackend: new Fastly.DirectorBackendApi(client),
    snippet: new Fastly.SnippetApi(client),
    package: new Fastly.PackageApi(client),
  };
}

export type FastlyClient = ReturnType<typeof fastlyClient>;

/** The status and body of a rejected client call (fails the test when the call succeeds). */
export async function apiError(call: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await call;
  } catch (error) {
    const { status, body } = error as { status: number; body: unknown };
    return { status, body };
  }
  throw new Error('expected the API to refuse the request');
}

/** Starts a local API for the tests of one file and a client for it. */
export function localApi(): { api: () => IFastlyApi; fastly: () => FastlyClient } {
  let api: IFastlyApi;
  let fastly: FastlyClient;
  beforeAll(async () => {
    api = await startFastlyApi();
    fastly = fastlyClient(api.url);
  });
  afterAll(() => api.close());
  return { api: () => api, fastly: () => fastly };
}
