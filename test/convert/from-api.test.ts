import * as fs from 'fs';
import * as path from 'path';
import { convertApiService, convertSource } from '../../src/convert';
import { ApiServiceVersion, serviceFromApi } from '../../src/convert/from-api';

const api: ApiServiceVersion = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'api-service-version.json'), 'utf8'));

describe('serviceFromApi', () => {
  test('maps API objects into the model a Terraform file is read into', () => {
    const model = serviceFromApi(api);
    expect(model).toMatchObject({
      resourceType: 'fastly_service_vcl',
      resourceName: 'www_example',
      importId: 'SU1Z0isxPaozGVKXdv0eY',
      // What the provider plans when left out (default_host "", stale_if_error false, …) is left out; the comment differs from its default.
      attributes: { name: 'www example', comment: '', default_ttl: 600 },
    });
    // Numeric strings become numbers, "0"/"1" booleans; API bookkeeping, fields the provider lacks, defaults and empty strings are dropped.
    expect(model.blocks.condition[0].attributes).toEqual({ name: 'is api', priority: 20, statement: 'req.url ~ "^/api/"', type: 'REQUEST' });
    expect(model.blocks.header[0].attributes).toEqual({
      action: 'set',
      destination: 'http.X-Error',
      name: 'mark errors',
      priority: 10,
      response_condition: 'is error',
      source: '"1"',
      type: 'response',
    });
    expect(model.blocks.director[0].attributes).toEqual({ backends: ['web-1', 'web-2'], name: 'web_hash', quorum: 50, retries: 3, type: 3 });
    expect(model.blocks.dynamicsnippet.map((snippet) => snippet.attributes)).toEqual([{ name: 'blocklist', priority: 50, type: 'recv' }]);
    expect(model.blocks.snippet.map((snippet) => snippet.attributes.name)).toEqual(['use hash director']);
    expect(Object.keys(model.blocks.backend[0].attributes)).not.toContain('hostname');
    // Every collection of the version was read; what lives behind other endpoints is left as it is.
    expect(model.kept).toEqual({
      image_optimizer_default_settings: 'not read: Image Optimizer settings are read through their product\'s API',
      product_enablement: 'not read: products are enabled per service, outside its versions',
    });
    expect(model.metaArguments).toEqual({ lifecycle: [{ ignore_changes: ['image_optimizer_default_settings', 'product_enablement'] }] });
  });

  test('values in the API\'s shapes: gzip lists as one string, rate limiter lists the provider joins, a nested response; HTTP/3 on', async () => {
    const live: ApiServiceVersion = {
      ...api,
      http3: true,
      collections: {
        ...api.collections,
        gzip: [{ name: 'text', content_types: 'text/html application/json', extensions: '', cache_condition: null, version: 3 }],
        rate_limiter: [{
          id: '2Xz1QHQaIaxA0UDQPsdJ1z',
          name: 'login',
          action: 'response',
          client_key: ['req.http.Fastly-Client-IP'],
          http_methods: ['POST', 'PUT'],
          penalty_box_duration: 30,
          rps_limit: 100,
          window_size: 10,
          response: { status: 429, content_type: 'text/plain', content: 'slow down' },
          uri_dictionary_name: null,
          logger_type: null,
          feature_revision: 1,
          response_object_name: null,
        }],
      },
    };
    const model = serviceFromApi(live);
    expect(model.attributes.http3).toBe(true);
    expect(model.blocks.gzip).toEqual([{ attributes: { name: 'text', content_types: ['text/html', 'application/json'] }, blocks: {} }]);
    expect(model.blocks.rate_limiter).toEqual([{
      attributes: {
        name: 'login',
        action: 'response',
        client_key: 'req.http.Fastly-Client-IP',
        http_methods: 'POST,PUT',
        penalty_box_duration: 30,
        rps_limit: 100,
        window_size: 10,
      },
      blocks: { response: [{ attributes: { status: 429, content_type: 'text/plain', content: 'slow down' }, blocks: {} }] },
    }]);
    const conversion = await convertApiService(live);
    expect(conversion.services[0].differences).toEqual([]);
    expect(conversion.files['main.ts']).toContain('wwwExample.resource.http3 = true;');
  });

  test('what the app cannot manage is left as it is on the service: unread collections, logging endpoints, a Compute package', () => {
    const { header: _header, logging_s3: _s3, ...rest } = api.collections;
    const model = serviceFromApi({
      ...api,
      collections: { ...rest, logging_s3: [{ name: 'archive', bucket_name: 'logs', access_key: 'AKIA', secret_key: 'secret', format_version: '2' }] },
      unread: { header: '403 Forbidden' },
    });
    expect(model.blocks.header).toBeUndefined();
    expect(model.blocks).not.toHaveProperty('logging_s3');
    expect(model.kept).toEqual({
      header: 'not read: the API answered 403 Forbidden',
      image_optimizer_default_settings: 'not read: Image Optimizer settings are read through their product\'s API',
      logging_s3: 'not converted: the bundled provider schema does not describe this block, so Fastly\'s fields cannot be mapped to it ("archive")',
      product_enablement: 'not read: products are enabled per service, outside its versions',
    });
    expect(model.metaArguments).toEqual({ lifecycle: [{ ignore_changes: ['header', 'image_optimizer_default_settings', 'logging_s3', 'product_enablement'] }] });

    const compute = serviceFromApi({
      service: { id: 'C0mpute', name: 'app', type: 'wasm' },
      version: { number: 2 },
      collections: { domain: [{ name: 'app.example.com' }], backend: [], healthcheck: [], dictionary: [], resource_link: [] },
    });
    expect(compute).toMatchObject({ resourceType: 'fastly_service_compute', attributes: { name: 'app', activate: false } });
    expect(compute.kept?.package).toBe('not read: Fastly\'s API gives back the package\'s hash, not the package; until the app declares one, it leaves new versions inactive');
  });

  test('a service this library made keeps its stack, construct id and address, read from its pools\' director comments', () => {
    const model = serviceFromApi({
      ...api,
      collections: { ...api.collections, director: [{ ...api.collections.director[0], comment: 'OriginPool edge/site/web (hash)' }] },
    });
    expect(model).toMatchObject({ constructPath: 'edge/site/Resource', resourceName: 'site_87CC46B4' });
  });

  test('converts like a Terraform file, and the written app imports the live service', async () => {
    const conversion = await convertSource({ file: 'service SU1Z0isxPaozGVKXdv0eY', services: [serviceFromApi(api)], variables: {}, locals: {}, unconverted: [] });
    expect(conversion.services[0].differences).toEqual([]);
    expect(conversion.services[0].errors).toEqual([]);
    const main = conversion.files['main.ts'];
    expect(main).toContain('wwwExample.resource.importFrom(\'SU1Z0isxPaozGVKXdv0eY\');');
    expect(main).toContain('new OriginPool(wwwExample, \'web\', {');
    expect(main).toContain('new Director(wwwExample, \'web_hash\', {');
    expect(main).toContain('backends: [web.backends[0], web.backends[1]]');
  });
});
