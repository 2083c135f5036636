import * as fs from 'fs';
import * as path from 'path';
import { compareNames } from './names';
import { editDistance } from './spelling';

/**
 * A Fastly POP that can act as a shield, or one that could in the past.
 *
 * The facts come from Fastly's POP list (`GET /datacenters`); the library ships them in
 * `data/pops.json`, so they reflect the snapshot the package was built with.
 */
export interface PopInfo {
  /** The shield code, the value a backend's `shield` takes, e.g. `iad-va-us` or `london_city-uk`. */
  readonly code: string;

  /** Fastly's three-letter POP code, e.g. `IAD`. This is not a valid shield value. */
  readonly pop: string;

  /** Fastly's name for the POP, e.g. `Ashburn (Metro)`. */
  readonly name: string;

  /** Fastly's geographic group, e.g. `United States` or `Europe`. */
  readonly group: string;

  /**
   * Fastly's billing region, e.g. `US-East`.
   *
   * @default - not known for POPs that have left Fastly's list
   */
  readonly region?: string;

  /**
   * `current` (offered as a shield now), `retired` (was offered, then withdrawn) or
   * `legacy-unverified` (a name found in old docs and configs but never in Fastly's list).
   */
  readonly status: string;

  /**
   * Date (YYYY-MM-DD) of the last POP list that still offered this code as a shield.
   *
   * @default - the code is current, or no snapshot ever listed it
   */
  readonly lastSeen?: string;

  /**
   * The current shield in the same city or metro, for a retired or legacy code.
   *
   * @default - the code is current, or no current shield serves the same city
   */
  readonly replacement?: string;

  /** Approximate latitude of the POP's city, in degrees. */
  readonly latitude: number;

  /** Approximate longitude of the POP's city, in degrees. */
  readonly longitude: number;

  /** Where the facts about this POP come from. */
  readonly source: string;
}

/** Legacy names never appeared in Fastly's list, so they have no POP code. */
interface PopRecord extends Omit<PopInfo, 'pop'> {
  readonly pop?: string;
}

interface CloudRegionRecord {
  readonly shield: string;
}

interface CatalogueFile {
  readonly pops: PopRecord[];
  readonly cloudRegions: Record<string, Record<string, CloudRegionRecord>>;
}

interface Catalogue {
  readonly records: PopRecord[];
  readonly recordsByCode: Map<string, PopRecord>;
  /** Current shields sorted by code. */
  readonly shields: PopInfo[];
  readonly shieldsByCode: Map<string, PopInfo>;
  /** cloud → region → shield code. */
  readonly cloudRegions: Map<string, Map<string, string>>;
}

const CATALOGUE_PATH = path.join(__dirname, '..', '..', 'data', 'pops.json');
const SHIELD_LIST_HINT = '(Pop.shields() lists them)';

let loadedCatalogue: Catalogue | undefined;

/** Read on first use so that importing the package does not cost a file read. */
function catalogue(): Catalogue {
  loadedCatalogue ??= indexCatalogue(JSON.parse(fs.readFileSync(CATALOGUE_PATH, 'utf8')) as CatalogueFile);
  return loadedCatalogue;
}

function indexCatalogue(file: CatalogueFile): Catalogue {
  const shields = file.pops
    .filter((record) => record.status === 'current')
    .map((record): PopInfo => {
      if (record.pop === undefined) {
        throw new Error(`${CATALOGUE_PATH}: current shield "${record.code}" has no POP code`);
      }
      return { ...record, pop: record.pop };
    })
    .sort((a, b) => compareNames(a.code, b.code));
  const cloudRegions = new Map(Object.entries(file.cloudRegions).map(([cloud, regions]) =>
    [cloud, new Map(Object.entries(regions).map(([region, entry]) => [region, entry.shield]))]));
  return {
    records: file.pops,
    recordsByCode: new Map(file.pops.map((record) => [record.code, record])),
    shields,
    shieldsByCode: new Map(shields.map((shield) => [shield.code, shield])),
    cloudRegions,
  };
}

/**
 * Explains why `code` cannot be used as a backend's `shield`, or returns undefined when it is a
 * current Fastly shield code. The text names the value and what to use instead, so constructs
 * can report it after the prop name and `Pop.lookup` can throw it as is.
 *
 * Unresolved tokens are not recognised; callers skip the check for them.
 */
export function shieldCodeProblem(code: string): string | undefined {
  const record = catalogue().recordsByCode.get(code);
  if (record === undefined) {
    const suggestion = suggestShield(code);
    const didYouMean = suggestion === undefined ? '' : `; did you mean ${quote(suggestion)}?`;
    return `${quote(code)} is not a Fastly shield POP${didYouMean} ${SHIELD_LIST_HINT}`;
  }
  if (record.status === 'current') return undefined;
  const useInstead = record.replacement !== undefined
    ? `use ${quote(record.replacement)} instead`
    : `no current shield serves ${cityName(record)}; the nearest is ${quote(nearestShield(record).code)} ${SHIELD_LIST_HINT}`;
  if (record.status === 'retired') {
    return `shield POP ${quote(code)} was retired by Fastly (last seen ${record.lastSeen}); ${useInstead}`;
  }
  return `shield POP ${quote(code)} is a legacy name that Fastly's POP list has never contained; ${useInstead}`;
}

/** A cloud whose regions `Pop.nearest` knows. */
export type Cloud = 'aws' | 'gcp' | 'azure';

/**
 * The catalogue of Fastly shield POPs, taken from Fastly's POP list at the time this package was
 * built.
 *
 * A backend's `shield` takes the POP's shield code (`amsterdam-nl`), not its three-letter POP code
 * (`AMS`). Codes Fastly has withdrawn are known too, so that a stale code gets an error naming
 * its successor instead of failing at apply time.
 */
export class Pop {
  /**
   * The current shield POP with this code.
   *
   * @param code a shield code, e.g. `iad-va-us`
   * @throws if the code is unknown (the message suggests the closest current code) or retired
   * (the message names the replacement)
   */
  public static lookup(code: string): PopInfo {
    const shield = catalogue().shieldsByCode.get(code);
    if (shield === undefined) throw new Error(shieldCodeProblem(code));
    return { ...shield };
  }

  /** Every current shield POP, sorted by code. */
  public static shields(): PopInfo[] {
    return catalogue().shields.map((shield) => ({ ...shield }));
  }

  /**
   * The shield code to use for an origin in a cloud region: the choice Fastly or well-known
   * configurations document for that region where there is one, otherwise the geographically
   * nearest current shield POP.
   *
   * @param cloud `aws`, `gcp` or `azure` (any case from JavaScript and other languages)
   * @param region the provider's region name, e.g. `us-east-1`, `europe-west1` or `westeurope`
   * (any case; Azure display names such as `West Europe` work too)
   * @throws if the cloud or the region is not known (the message suggests the closest match)
   */
  public static nearest(cloud: Cloud, region: string): string {
    const cloudRegions = catalogue().cloudRegions;
    const cloudName = cloud.trim().toLowerCase();
    const regions = cloudRegions.get(cloudName);
    if (regions === undefined) {
      const clouds = [...cloudRegions.keys()].sort(compareNames);
      const suggestion = closestBySpelling(cloudName, clouds);
      const didYouMean = suggestion === undefined ? '' : `; did you mean ${quote(suggestion)}?`;
      throw new Error(`unknown cloud ${quote(cloud)}${didYouMean} (allowed: ${clouds.map(quote).join(', ')})`);
    }
    // Azure's portal shows "West Europe" for the region its APIs call "westeurope".
    const regionName = region.toLowerCase().replace(/\s+/g, '');
    const shield = regions.get(regionName);
    if (shield !== undefined) return shield;

    const otherCloud = [...cloudRegions.keys()].find((name) => cloudRegions.get(name)?.has(regionName));
    if (otherCloud !== undefined) {
      throw new Error(`unknown ${cloudName} region ${quote(region)}; it is a ${otherCloud} region: `
        + `use Pop.nearest(${quote(otherCloud)}, ${quote(regionName)})`);
    }
    const known = [...regions.keys()].sort(compareNames);
    const suggestion = closestBySpelling(regionName, known);
    throw new Error(suggestion === undefined
      ? `unknown ${cloudName} region ${quote(region)}; known ${cloudName} regions: ${known.join(', ')}`
      : `unknown ${cloudName} region ${quote(region)}; did you mean ${quote(suggestion)}?`);
  }

  private constructor() {}
}

interface Candidate {
  readonly suggestion: string;
  /** Input tokens naming the POP's airport or city: one of these identifies a POP on its own. */
  readonly identifyingMatches: number;
  /** Input tokens matching a country or state part of the code (`us`, `va`, `uk`): these only narrow the choice. */
  readonly narrowingMatches: number;
  readonly editDistance: number;
}

/**
 * Guesses the current shield meant by an unknown code. Users often write codes in the
 * `<airport>-<city>-<country>` pattern that only some POPs follow (`lcy-london-uk` for
 * `london_city-uk`), or the three-letter POP code, so matching airport and city tokens finds
 * more than spelling distance does; spelling distance catches plain typos. Retired and legacy
 * codes take part through their replacements, so `sea-wa-uss` leads to `bfi-wa-us`.
 */
function suggestShield(code: string): string | undefined {
  const wanted = code.trim().toLowerCase();
  const wantedTokens = [...new Set(tokenize(wanted))];
  let best: Candidate | undefined;
  for (const record of catalogue().records) {
    const suggestion = record.status === 'current' ? record.code : record.replacement;
    if (suggestion === undefined) continue;
    const identifying = identifyingTokens(record);
    const codeTokens = tokenize(record.code);
    const candidate: Candidate = {
      suggestion,
      identifyingMatches: wantedTokens.filter((token) => identifying.has(token)).length,
      narrowingMatches: wantedTokens.filter((token) => !identifying.has(token) && codeTokens.includes(token)).length,
      editDistance: editDistance(wanted, record.code),
    };
    if (best === undefined || isBetterCandidate(candidate, best)) best = candidate;
  }
  if (best === undefined) return undefined;
  return best.identifyingMatches > 0 || best.editDistance <= typoTolerance(wanted) ? best.suggestion : undefined;
}

function isBetterCandidate(candidate: Candidate, best: Candidate): boolean {
  if (candidate.identifyingMatches !== best.identifyingMatches) return candidate.identifyingMatches > best.identifyingMatches;
  if (candidate.narrowingMatches !== best.narrowingMatches) return candidate.narrowingMatches > best.narrowingMatches;
  if (candidate.editDistance !== best.editDistance) return candidate.editDistance < best.editDistance;
  return compareNames(candidate.suggestion, best.suggestion) < 0;
}

/** Country and state codes are the two-letter parts; longer parts and the POP code name a place. */
function identifyingTokens(record: PopRecord): Set<string> {
  return new Set([
    ...tokenize(record.code).filter((token) => token.length > 2),
    ...tokenize(cityName(record)).filter((token) => token.length > 2),
    ...(record.pop === undefined ? [] : [record.pop.toLowerCase()]),
  ]);
}

/** Fastly's names carry remarks in parentheses, e.g. `Tokyo (Metro)`. */
function cityName(record: PopRecord): string {
  return record.name.replace(/\(.*?\)/g, '').trim();
}

function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((token) => token.length > 0);
}

/** Edits allowed before a differently spelled name stops looking like a typo of another. */
function typoTolerance(text: string): number {
  return Math.max(2, Math.floor(text.length / 4));
}

function closestBySpelling(wanted: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const distance = editDistance(wanted, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= typoTolerance(wanted) ? best : undefined;
}


/** For a withdrawn code with no successor in its city, the current shield closest to it. */
function nearestShield(record: PopRecord): PopInfo {
  const byDistance = (shield: PopInfo) => greatCircleKm(record, shield);
  return catalogue().shields.reduce((best, shield) => (byDistance(shield) < byDistance(best) ? shield : best));
}

interface Coordinates {
  readonly latitude: number;
  readonly longitude: number;
}

function greatCircleKm(from: Coordinates, to: Coordinates): number {
  const EARTH_RADIUS_KM = 6371;
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLatitude = radians(to.latitude - from.latitude);
  const dLongitude = radians(to.longitude - from.longitude);
  const haversine = Math.sin(dLatitude / 2) ** 2
    + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(haversine));
}

function quote(value: string): string {
  return JSON.stringify(value);
}
