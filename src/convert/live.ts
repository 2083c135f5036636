import { ApiServiceVersion } from './from-api';
import { isObject, JsonObject, JsonValue, ServiceType } from './model';
import { providerBlockTypes } from '../fastly/provider-schema';

/** Where Fastly's API is when neither `--api-url` nor `FASTLY_API_URL` says otherwise. */
export const FASTLY_API_URL = 'https://api.fastly.com';

/** What the live path of `convert` reads. */
export interface LiveServiceOptions {
  readonly serviceId: string;
  /** The version to read; the active one when left out. */
  readonly version?: number;
  /** The API's base URL, e.g. a local Fastly API's. */
  readonly apiUrl: string;
  readonly apiKey: string;
}

/** A reason the service cannot be read at all: an unknown service or version, a refused key, an API out of reach. */
export class LiveReadError extends Error {}

/**
 * The list call of each collection of a service version, by the provider's block type. The
 * blocks of other API endpoints (products, Image Optimizer settings, a Compute package's file) are
 * not read; `serviceFromApi` keeps them as they are.
 */
const COLLECTIONS: { readonly [block: string]: readonly [api: string, method: string] } = {
  domain: ['DomainApi', 'listDomains'],
  backend: ['BackendApi', 'listBackends'],
  healthcheck: ['HealthcheckApi', 'listHealthchecks'],
  condition: ['ConditionApi', 'listConditions'],
  // A director's members come with it, as backend names.
  director: ['DirectorApi', 'listDirectors'],
  // Dynamic snippets are listed with the versioned ones.
  snippet: ['SnippetApi', 'listSnippets'],
  header: ['HeaderApi', 'listHeaderObjects'],
  gzip: ['GzipApi', 'listGzipConfigs'],
  request_setting: ['RequestSettingsApi', 'listRequestSettings'],
  response_object: ['ResponseObjectApi', 'listResponseObjects'],
  cache_setting: ['CacheSettingsApi', 'listCacheSettings'],
  vcl: ['VclApi', 'listCustomVcl'],
  dictionary: ['DictionaryApi', 'listDictionaries'],
  acl: ['AclApi', 'listAcls'],
  rate_limiter: ['RateLimiterApi', 'listRateLimiters'],
  resource_link: ['ResourceApi', 'listResources'],
  logging_bigquery: ['LoggingBigqueryApi', 'listLogBigquery'],
  logging_blobstorage: ['LoggingAzureblobApi', 'listLogAzure'],
  logging_cloudfiles: ['LoggingCloudfilesApi', 'listLogCloudfiles'],
  logging_datadog: ['LoggingDatadogApi', 'listLogDatadog'],
  logging_digitalocean: ['LoggingDigitaloceanApi', 'listLogDigocean'],
  logging_elasticsearch: ['LoggingElasticsearchApi', 'listLogElasticsearch'],
  logging_ftp: ['LoggingFtpApi', 'listLogFtp'],
  logging_gcs: ['LoggingGcsApi', 'listLogGcs'],
  logging_googlepubsub: ['LoggingPubsubApi', 'listLogGcpPubsub'],
  logging_grafanacloudlogs: ['LoggingGrafanacloudlogsApi', 'listLogGrafanacloudlogs'],
  logging_heroku: ['LoggingHerokuApi', 'listLogHeroku'],
  logging_honeycomb: ['LoggingHoneycombApi', 'listLogHoneycomb'],
  logging_https: ['LoggingHttpsApi', 'listLogHttps'],
  logging_kafka: ['LoggingKafkaApi', 'listLogKafka'],
  logging_kinesis: ['LoggingKinesisApi', 'listLogKinesis'],
  logging_logentries: ['LoggingLogentriesApi', 'listLogLogentries'],
  logging_loggly: ['LoggingLogglyApi', 'listLogLoggly'],
  logging_logshuttle: ['LoggingLogshuttleApi', 'listLogLogshuttle'],
  logging_newrelic: ['LoggingNewrelicApi', 'listLogNewrelic'],
  logging_newrelicotlp: ['LoggingNewrelicotlpApi', 'listLogNewrelicotlp'],
  logging_openstack: ['LoggingOpenstackApi', 'listLogOpenstack'],
  logging_papertrail: ['LoggingPapertrailApi', 'listLogPapertrail'],
  logging_s3: ['LoggingS3Api', 'listLogAwsS3'],
  logging_scalyr: ['LoggingScalyrApi', 'listLogScalyr'],
  logging_sftp: ['LoggingSftpApi', 'listLogSftp'],
  logging_splunk: ['LoggingSplunkApi', 'listLogSplunk'],
  logging_sumologic: ['LoggingSumologicApi', 'listLogSumologic'],
  logging_syslog: ['LoggingSyslogApi', 'listLogSyslog'],
};

/** The part of Fastly's JavaScript client (npm `fastly`) the live path uses; it ships without type declarations. */
interface FastlyClientModule {
  readonly ApiClient: new () => FastlyApiClient;
  readonly [api: string]: unknown;
}

interface FastlyApiClient {
  authenticate(key: string): void;
  buildUrl(path: string, pathParams: object, allowReserved: object, basePath?: string): string;
}

/** An answer of the client's `…WithHttpInfo` calls; `response.body` is the JSON as the API sent it. */
interface HttpInfo {
  readonly response: { readonly body: unknown };
}

/** What the client rejects with: the HTTP status and body, or (no status) the network error. */
interface ClientFailure {
  readonly status?: number;
  readonly body?: unknown;
  readonly error?: { readonly message?: string; readonly code?: string };
}

type Call = (api: string, method: string, params: { [name: string]: string | number }) => Promise<JsonValue>;

/** A failed call as one line: `404 Record not found: Cannot find service 'x'`, or the network error. */
function describeFailure(error: unknown): string {
  const failure = (error ?? {}) as ClientFailure;
  if (failure.status === undefined) {
    return failure.error?.message ?? (error instanceof Error ? error.message : String(error));
  }
  const body = isObject(failure.body) ? failure.body : {};
  const message = [body.msg, body.detail].filter((part) => typeof part === 'string' && part !== '').join(': ');
  return `${failure.status}${message ? ` ${message}` : ''}`;
}

function statusOf(error: unknown): number | undefined {
  return ((error ?? {}) as ClientFailure).status;
}

/**
 * Calls Fastly's API through its JavaScript client, pointed at `apiUrl`. The raw JSON of each
 * answer is used: the client's models drop fields they do not know and reshape others (a
 * director's members).
 */
function clientFor(apiUrl: string, apiKey: string): Call {
  // The client loads about 600 ms of generated modules: only the live path pays for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fastly = require('fastly') as FastlyClientModule;
  const client = new fastly.ApiClient();
  client.authenticate(apiKey);
  // Every generated operation carries Fastly's base URL, which wins over the client's basePath.
  const buildUrl = client.buildUrl.bind(client);
  const base = apiUrl.replace(/\/+$/, '');
  client.buildUrl = (path, pathParams, allowReserved) => buildUrl(path, pathParams, allowReserved, base);
  const apis = new Map<string, { [method: string]: (params: object) => Promise<HttpInfo> }>();
  return async (api, method, params) => {
    if (!apis.has(api)) apis.set(api, new (fastly[api] as new (client: FastlyApiClient) => any)(client));
    const answer = await apis.get(api)![`${method}WithHttpInfo`](params);
    return answer.response.body as JsonValue;
  };
}

/** The version to convert: the given one, else the active one. */
function versionNumber(service: JsonObject, options: LiveServiceOptions): number {
  if (options.version !== undefined) return options.version;
  const versions = Array.isArray(service.versions) ? service.versions.filter(isObject) : [];
  const active = versions.find((version) => version.active === true);
  if (!active) {
    const numbers = versions.map((version) => version.number).join(', ');
    throw new LiveReadError(`service ${options.serviceId} has no active version; give the one to convert with --version N`
      + `${numbers ? ` (its versions: ${numbers})` : ''}`);
  }
  return Number(active.number);
}

/**
 * Reads one version of a live service — the given one, else the active one — with every
 * collection the converter maps, through Fastly's API. A collection the API does not answer is
 * recorded in `unread` with the answer; an unknown service or version, a refused key or an API
 * out of reach throw a `LiveReadError`.
 */
export async function readLiveService(options: LiveServiceOptions): Promise<ApiServiceVersion> {
  const call = clientFor(options.apiUrl, options.apiKey);
  const required = async (what: string, api: string, method: string, params: { [name: string]: string | number }) => {
    try {
      const answer = await call(api, method, params);
      if (!isObject(answer)) throw new LiveReadError(`${what}: the API at ${options.apiUrl} did not answer with a JSON object`);
      return answer;
    } catch (error) {
      if (error instanceof LiveReadError) throw error;
      const status = statusOf(error);
      const reason = status === undefined ? `cannot reach Fastly's API at ${options.apiUrl}` : status === 401 || status === 403
        ? 'Fastly\'s API refused the key in FASTLY_API_KEY' : 'Fastly\'s API answered';
      throw new LiveReadError(`${what}: ${reason}: ${describeFailure(error)}`);
    }
  };
  const service = await required(`service ${options.serviceId}`, 'ServiceApi', 'getService', { service_id: options.serviceId });
  const number = versionNumber(service, options);
  const versioned = { service_id: options.serviceId, version_id: number };
  const version = await required(`service ${options.serviceId} version ${number}`, 'VersionApi', 'getServiceVersion', versioned);
  const resourceType: ServiceType = service.type === 'wasm' ? 'fastly_service_compute' : 'fastly_service_vcl';
  const vcl = resourceType === 'fastly_service_vcl';
  const settings = vcl ? await required(`settings of service ${options.serviceId} version ${number}`, 'SettingsApi', 'getServiceSettings', versioned) : undefined;

  const collections: { [block: string]: JsonObject[] } = {};
  const unread: { [name: string]: string } = {};
  const blocks = providerBlockTypes(resourceType).filter((block) => COLLECTIONS[block] !== undefined);
  const reads: Array<Promise<void>> = blocks.map(async (block) => {
    const [api, method] = COLLECTIONS[block];
    try {
      const answer = await call(api, method, versioned);
      if (Array.isArray(answer)) collections[block] = answer.filter(isObject);
      else unread[block] = 'an answer that is not a list';
    } catch (error) {
      if (statusOf(error) === undefined) throw new LiveReadError(`cannot reach Fastly's API at ${options.apiUrl}: ${describeFailure(error)}`);
      unread[block] = describeFailure(error);
    }
  });
  let http3: boolean | undefined;
  if (vcl) {
    reads.push(call('Http3Api', 'getHttp3', versioned).then(() => {
      http3 = true;
    }, (error) => {
      // As the provider reads it: HTTP/3 is off when the version has no HTTP/3 object.
      if (statusOf(error) === undefined) throw new LiveReadError(`cannot reach Fastly's API at ${options.apiUrl}: ${describeFailure(error)}`);
      if (statusOf(error) === 404) http3 = false;
      else unread.http3 = describeFailure(error);
    }));
  }
  await Promise.all(reads);
  return {
    service,
    version,
    settings,
    http3,
    // In the provider's block order, so the report and the written app list them the same way every time.
    collections: Object.fromEntries(blocks.filter((block) => collections[block]).map((block) => [block, collections[block]])),
    unread: Object.fromEntries(Object.keys(unread).sort().map((name) => [name, unread[name]])),
  };
}
