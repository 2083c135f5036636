import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tar from 'tar';
import { apiError, localApi } from './client';

const { fastly } = localApi();

const FILES: { [file: string]: string } = {
  'pkg/fastly.toml': 'authors = ["edge@example.com"]\ndescription = "An edge app"\nlanguage = "rust"\nmanifest_version = 3\nname = "edge-app"\n',
  'pkg/bin/main.wasm': '\0asm\x01\0\0\0 a module',
};

/** Writes a Compute package (a gzipped tar of FILES) and answers its path. */
function writePackage(directory: string, files: { [file: string]: string } = FILES): string {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.join(directory, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(directory, file), content);
  }
  const archive = path.join(directory, 'package.tar.gz');
  tar.c({ gzip: true, cwd: directory, file: archive, sync: true }, ['pkg']);
  return archive;
}

const sha512 = (...parts: (string | Buffer)[]) => parts.reduce((hash, part) => hash.update(part), createHash('sha512')).digest('hex');

let directory: string;
let serviceId: string;
beforeAll(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'fastly-api-package-'));
  ({ id: serviceId } = await fastly().service.createService({ name: 'compute', type: 'wasm' }));
});
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

test('a Compute version has no package until one is uploaded, and does not validate without one', async () => {
  expect(await apiError(fastly().package.getPackage({ service_id: serviceId, version_id: 1 }))).toEqual({
    status: 404,
    body: { msg: 'Record not found', detail: `Couldn't find Package '{ deleted => 0000-00-00 00:00:00, service => ${serviceId}, version => 1 }'` },
  });
  expect(await fastly().version.validateServiceVersion({ service_id: serviceId, version_id: 1 })).toEqual({ status: 'error' });
});

test('an uploaded package answers its metadata; files_hash is what source_code_hash must equal', async () => {
  const archive = writePackage(directory);
  const uploaded = await fastly().package.putPackage({ service_id: serviceId, version_id: 1, _package: fs.createReadStream(archive) });
  // The SHA-512 of the files' contents in sorted path order: the provider's fastly_package_hash.
  const filesHash = sha512(...Object.keys(FILES).sort().map((file) => FILES[file]));
  expect(uploaded.metadata).toEqual({
    name: 'edge-app',
    description: 'An edge app',
    authors: ['edge@example.com'],
    language: 'rust',
    size: fs.statSync(archive).size,
    hashsum: sha512(fs.readFileSync(archive)),
    files_hash: filesHash,
  });
  expect(await fastly().package.getPackage({ service_id: serviceId, version_id: 1 })).toEqual(uploaded);
  expect(await fastly().version.validateServiceVersion({ service_id: serviceId, version_id: 1 })).toEqual({ status: 'ok' });
  expect(await fastly().version.activateServiceVersion({ service_id: serviceId, version_id: 1 })).toMatchObject({ active: true });
});

test('a clone carries the package; a new upload replaces it', async () => {
  const clone = await fastly().version.cloneServiceVersion({ service_id: serviceId, version_id: 1 });
  const before = await fastly().package.getPackage({ service_id: serviceId, version_id: clone.number });
  const archive = writePackage(fs.mkdtempSync(path.join(directory, 'v2-')), { ...FILES, 'pkg/bin/main.wasm': '\0asm\x01\0\0\0 version two' });
  const uploaded = await fastly().package.putPackage({ service_id: serviceId, version_id: clone.number, _package: fs.createReadStream(archive) });
  expect(uploaded.id).toBe(before.id);
  expect(uploaded.metadata.files_hash).not.toBe(before.metadata.files_hash);
  expect((await fastly().package.getPackage({ service_id: serviceId, version_id: 1 })).metadata.files_hash).toBe(before.metadata.files_hash);
});

test('something that is not a package: 400, as the API answers it', async () => {
  const { number } = await fastly().version.createServiceVersion({ service_id: serviceId });
  const file = path.join(directory, 'not-a-package.tar.gz');
  fs.writeFileSync(file, 'plain text');
  expect(await apiError(fastly().package.putPackage({ service_id: serviceId, version_id: number, _package: fs.createReadStream(file) }))).toEqual({
    status: 400, body: { msg: 'Bad request', detail: 'Failed to extract metadata from package' },
  });
});

test('a package for a VCL service: 400', async () => {
  const { id } = await fastly().service.createService({ name: 'vcl', type: 'vcl' });
  const upload = fastly().package.putPackage({ service_id: id, version_id: 1, _package: fs.createReadStream(writePackage(directory)) });
  expect(await apiError(upload)).toEqual({
    status: 400, body: { msg: 'Bad request', detail: `Service '${id}' is a VCL service; packages belong to Compute (wasm) services` },
  });
});
