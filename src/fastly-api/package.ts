import { createHash } from 'crypto';
import { FastifyInstance } from 'fastify';
import { Parser, ReadEntry } from 'tar';
import { badRequest, recordNotFound } from './errors';
import { StoredObject } from './fields';
import { newId, Store, timestamp } from './store';

/** The regular files of a Compute package (a gzipped tar), by path. */
function packageFiles(archive: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => {
          if (entry.type === 'File') files.set(entry.path, Buffer.concat(chunks));
        });
      },
    });
    parser.on('error', reject);
    parser.on('end', () => resolve(files));
    parser.end(archive);
  });
}

/** A top-level `key = "value"` (or `key = ["a", "b"]`) of the package's fastly.toml. */
function manifestValue(manifest: string, key: string): string | string[] | null {
  const match = new RegExp(`^${key}\\s*=\\s*(\\[[^\\]]*\\]|"[^"]*")`, 'm').exec(manifest);
  if (match === null) return null;
  const value = match[1];
  return value.startsWith('[') ? [...value.matchAll(/"([^"]*)"/g)].map((item) => item[1]) : value.slice(1, -1);
}

/**
 * What the API reads from an uploaded package. `files_hash` is the SHA-512 of the files'
 * contents in sorted path order — what the provider's `fastly_package_hash` computes and
 * compares with `source_code_hash` — and `hashsum` the SHA-512 of the archive itself.
 */
export async function packageMetadata(archive: Buffer): Promise<StoredObject> {
  let files: Map<string, Buffer>;
  try {
    files = await packageFiles(archive);
  } catch {
    throw badRequest('Failed to extract metadata from package');
  }
  const manifestPath = [...files.keys()].find((file) => file === 'fastly.toml' || file.endsWith('/fastly.toml'));
  if (manifestPath === undefined) throw badRequest('Failed to extract metadata from package');
  const manifest = files.get(manifestPath)!.toString('utf8');
  const filesHash = createHash('sha512');
  [...files.keys()].sort().forEach((file) => filesHash.update(files.get(file)!));
  return {
    name: manifestValue(manifest, 'name'),
    description: manifestValue(manifest, 'description'),
    authors: manifestValue(manifest, 'authors') ?? [],
    language: manifestValue(manifest, 'language'),
    size: archive.length,
    hashsum: createHash('sha512').update(archive).digest('hex'),
    files_hash: filesHash.digest('hex'),
  };
}

type VersionParams = { service_id: string; version_id: string };

/** `…/package`: describe and upload (multipart, field `package`) a version's Compute package. */
export function registerPackageRoutes(app: FastifyInstance, store: Store): void {
  const path = '/service/:service_id/version/:version_id/package';

  app.get<{ Params: VersionParams }>(path, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    if (version.package === null) throw recordNotFound('Package', { service: service.id, version: version.number });
    return { ...version.package, service_id: service.id, version: version.number };
  });

  app.put<{ Params: VersionParams }>(path, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.editableVersion(service, request.params.version_id);
    if (service.type !== 'wasm') throw badRequest(`Service '${service.id}' is a VCL service; packages belong to Compute (wasm) services`);
    if (!request.isMultipart()) throw badRequest('the package must be uploaded as multipart/form-data in the field "package"');
    let archive: Buffer | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'package') archive = await part.toBuffer();
      else if (part.type === 'file') await part.toBuffer();
    }
    if (archive === undefined) throw badRequest("package can't be blank");
    const metadata = await packageMetadata(archive);
    const now = timestamp();
    version.package = {
      id: version.package?.id ?? newId(),
      metadata,
      created_at: version.package?.created_at ?? now,
      updated_at: now,
      deleted_at: null,
    };
    return { ...version.package, service_id: service.id, version: version.number };
  });
}
