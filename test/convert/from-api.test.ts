import * as fs from 'fs';
import * as path from 'path';
import { convertSource } from '../../src/convert';
import { ApiServiceVersion, serviceFromApi } from '../../src/convert/from-api';

const api: ApiServiceVersion = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'api-service-version.json'), 'utf8'));

describe('serviceFromApi', () => {
  test('maps API objects into the model a Terraform file is read into', () => {
    const model = serviceFromApi(api);
    expect(model).toMatchObject({
      resourceType: 'fastly_service_vcl',
      resourceName: 'www_example',
      importId: 'SU1Z0isxPaozGVKXdv0eY',
      attributes: { name: 'www example', comment: '', default_ttl: 600, default_host: '', stale_if_error: false, stale_if_error_ttl: 43200 },
    });
    // Numeric strings become numbers, "0"/"1" booleans, API bookkeeping and fields the provider lacks are dropped.
    expect(model.blocks.condition[0].attributes).toEqual({ name: 'is api', priority: 20, statement: 'req.url ~ "^/api/"', type: 'REQUEST' });
    expect(model.blocks.header[0].attributes).toEqual({
      action: 'set',
      destination: 'http.X-Error',
      ignore_if_set: false,
      name: 'mark errors',
      priority: 10,
      regex: '',
      response_condition: 'is error',
      source: '"1"',
      substitution: '',
      type: 'response',
    });
    expect(model.blocks.director[0].attributes).toEqual({ backends: ['web-1', 'web-2'], comment: '', name: 'web_hash', quorum: 50, retries: 3, type: 3 });
    expect(model.blocks.dynamicsnippet.map((snippet) => snippet.attributes)).toEqual([{ name: 'blocklist', priority: 50, type: 'recv' }]);
    expect(model.blocks.snippet.map((snippet) => snippet.attributes.name)).toEqual(['use hash director']);
    expect(Object.keys(model.blocks.backend[0].attributes)).not.toContain('hostname');
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
