import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { cannotFind, versionLocked } from './errors';
import { StoredObject } from './fields';

/** One configuration version of a service, with everything versioned inside it. */
export interface StoredVersion {
  number: number;
  comment: string;
  active: boolean;
  locked: boolean;
  staging: boolean;
  testing: boolean;
  deployed: boolean;
  created_at: string;
  updated_at: string;
  deleted_at: null;
  /** `general.*` settings (VCL services). */
  settings: StoredObject;
  /** The HTTP/3 feature object, or null when HTTP/3 is off. */
  http3: StoredObject | null;
  /** Named objects by kind (`backend`, `healthcheck`, …), in creation order. */
  objects: { [kind: string]: StoredObject[] };
  /** Which backends belong to which directors. */
  director_backends: StoredObject[];
  /** The Compute package, or null before one is uploaded. */
  package: StoredObject | null;
}

export type ServiceType = 'vcl' | 'wasm';

export interface StoredService {
  id: string;
  name: string;
  comment: string;
  type: ServiceType;
  customer_id: string;
  publish_key: string;
  paused: boolean;
  created_at: string;
  updated_at: string;
  deleted_at: null;
  versions: StoredVersion[];
}

interface StoredState {
  customer_id: string;
  services: StoredService[];
}

const STATE_FILE = 'fastly-api-state.json';
const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A 22-character alphanumeric id, the shape of Fastly's service, package and object ids. */
export function newId(): string {
  return [...randomBytes(22)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

/** The API's timestamps: ISO 8601 to the second, in UTC. */
export function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Everything the local API knows, optionally kept in a directory across restarts. */
export class Store {
  /** Opens the state kept in `dataDir` (or a fresh in-memory state when there is none). */
  static open(dataDir?: string): Store {
    const file = dataDir === undefined ? undefined : path.join(dataDir, STATE_FILE);
    if (file !== undefined && fs.existsSync(file)) {
      return new Store(JSON.parse(fs.readFileSync(file, 'utf8')) as StoredState, file);
    }
    if (dataDir !== undefined) fs.mkdirSync(dataDir, { recursive: true });
    return new Store({ customer_id: newId(), services: [] }, file);
  }

  private constructor(private readonly state: StoredState, private readonly file: string | undefined) {}

  get customerId(): string {
    return this.state.customer_id;
  }

  get services(): readonly StoredService[] {
    return this.state.services;
  }

  addService(service: StoredService): void {
    this.state.services.push(service);
  }

  removeService(service: StoredService): void {
    this.state.services.splice(this.state.services.indexOf(service), 1);
  }

  service(id: string): StoredService {
    const service = this.state.services.find((candidate) => candidate.id === id);
    if (service === undefined) throw cannotFind('service', id);
    return service;
  }

  version(service: StoredService, number: string | number): StoredVersion {
    const version = service.versions.find((candidate) => String(candidate.number) === String(number));
    if (version === undefined) throw cannotFind('version', String(number));
    return version;
  }

  /** A version that may be changed: the real API refuses edits to active or locked versions. */
  editableVersion(service: StoredService, number: string | number): StoredVersion {
    const version = this.version(service, number);
    if (version.locked || version.active) throw versionLocked(service.id, version.number);
    return version;
  }

  /** Writes the state to its directory, if it has one; a rename makes the write atomic. */
  save(): void {
    if (this.file === undefined) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.state, undefined, 2));
    fs.renameSync(temporary, this.file);
  }
}
