import * as fs from 'fs';
import * as path from 'path';
import { Cloud, Pop, shieldCodeProblem } from '../../src/fastly/pop';

interface CatalogueEntry {
  readonly code: string;
  readonly status: string;
  readonly pop?: string;
  readonly replacement?: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly source: string;
}

interface CloudRegionEntry {
  readonly shield: string;
  readonly basis: string;
  readonly latitude: number;
  readonly longitude: number;
}

const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'pops.json'), 'utf8')) as {
  pops: CatalogueEntry[];
  cloudRegions: Record<string, Record<string, CloudRegionEntry>>;
};

describe('Pop.lookup', () => {
  test('returns a current shield POP with its facts', () => {
    expect(Pop.lookup('iad-va-us')).toMatchObject({
      code: 'iad-va-us',
      pop: 'IAD',
      name: 'Ashburn (Metro)',
      region: 'US-East',
      group: 'United States',
      status: 'current',
    });
  });

  test('accepts codes with an underscore', () => {
    expect(Pop.lookup('london_city-uk')).toMatchObject({ code: 'london_city-uk', pop: 'LCY' });
  });

  test('returns a copy, so callers cannot change the catalogue', () => {
    const info = Pop.lookup('amsterdam-nl') as { name: string };
    info.name = 'changed';
    expect(Pop.lookup('amsterdam-nl').name).toBe('Amsterdam');
  });

  test.each([
    ['lcy-london-uk', 'london_city-uk'],
    ['iad-va-uss', 'iad-va-us'],
    ['IAD-VA-US', 'iad-va-us'],
    ['AMS', 'amsterdam-nl'],
    ['lhr-london-uk', 'london-uk'],
    ['sea-wa-uss', 'bfi-wa-us'],
  ])('unknown code %j suggests %j', (code, suggestion) => {
    expect(() => Pop.lookup(code)).toThrow(new Error(
      `${JSON.stringify(code)} is not a Fastly shield POP; did you mean ${JSON.stringify(suggestion)}? (Pop.shields() lists them)`));
  });

  test('makes no suggestion when nothing is close', () => {
    expect(() => Pop.lookup('xyz')).toThrow(new Error('"xyz" is not a Fastly shield POP (Pop.shields() lists them)'));
  });

  test('a retired code names its replacement', () => {
    expect(() => Pop.lookup('bwi-va-us')).toThrow(new Error(
      'shield POP "bwi-va-us" was retired by Fastly (last seen 2021-10-06); use "iad-va-us" instead'));
  });

  test('a retired code without a successor in its city names the nearest current shield', () => {
    expect(() => Pop.lookup('gnv-fl-us')).toThrow(new Error(
      'shield POP "gnv-fl-us" was retired by Fastly (last seen 2026-04-27); no current shield serves Gainesville; '
      + 'the nearest is "miami-fl-us" (Pop.shields() lists them)'));
  });

  test('a legacy name names its replacement', () => {
    expect(() => Pop.lookup('tokyo-jp2')).toThrow(new Error(
      'shield POP "tokyo-jp2" is a legacy name that Fastly\'s POP list has never contained; use "nrt-tokyo-jp" instead'));
  });
});

describe('shieldCodeProblem', () => {
  test('is undefined for current shields', () => {
    expect(shieldCodeProblem('iad-va-us')).toBeUndefined();
    expect(shieldCodeProblem('london_city-uk')).toBeUndefined();
  });

  test.each(['lcy-london-uk', 'bwi-va-us', 'singapore-sg'])('agrees with Pop.lookup for %j', (code) => {
    const problem = shieldCodeProblem(code);
    expect(problem).toContain(JSON.stringify(code));
    expect(() => Pop.lookup(code)).toThrow(new Error(problem));
  });
});

describe('Pop.shields', () => {
  const shields = Pop.shields();

  test('lists the 59 current shields, sorted by code', () => {
    const codes = shields.map((shield) => shield.code);
    expect(codes).toHaveLength(59);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toContain('london_city-uk');
  });

  test('lists only current codes', () => {
    expect(new Set(shields.map((shield) => shield.status))).toEqual(new Set(['current']));
    expect(shields.map((shield) => shield.code)).not.toContain('bwi-va-us');
  });
});

describe('Pop.nearest', () => {
  test.each([
    ['aws', 'us-east-1', 'iad-va-us'],
    ['aws', 'us-east-2', 'iad-va-us'],
    ['aws', 'us-west-1', 'sjc-ca-us'],
    ['aws', 'us-west-2', 'bfi-wa-us'],
    ['aws', 'eu-central-1', 'frankfurt-de'],
    ['aws', 'eu-west-3', 'paris-fr'],
    ['aws', 'ap-northeast-1', 'nrt-tokyo-jp'],
    ['aws', 'ap-southeast-1', 'sin-singapore-sg'],
    ['aws', 'sa-east-1', 'gru-saopaulo-br'],
    ['gcp', 'us-west1', 'bfi-wa-us'],
    ['gcp', 'europe-west1', 'bru-brussels-be'],
    ['azure', 'westeurope', 'amsterdam-nl'],
    ['azure', 'northcentralus', 'chi-il-us'],
  ])('%s %s → %s', (cloud, region, shield) => {
    expect(Pop.nearest(cloud as Cloud, region)).toBe(shield);
  });

  // TypeScript takes lower case only; JavaScript and other languages may pass any case.
  test('ignores case, and accepts Azure display names', () => {
    expect(Pop.nearest('AWS' as Cloud, 'US-East-1')).toBe('iad-va-us');
    expect(Pop.nearest('Azure' as Cloud, 'West Europe')).toBe('amsterdam-nl');
  });

  test('an unknown cloud gets the allowed values and a suggestion', () => {
    expect(() => Pop.nearest('gpc' as Cloud, 'us-central1')).toThrow(new Error(
      'unknown cloud "gpc"; did you mean "gcp"? (allowed: "aws", "azure", "gcp")'));
    expect(() => Pop.nearest('amazon' as Cloud, 'us-east-1')).toThrow(new Error(
      'unknown cloud "amazon" (allowed: "aws", "azure", "gcp")'));
  });

  test('a misspelt region gets a suggestion', () => {
    expect(() => Pop.nearest('aws', 'us-east-7')).toThrow(new Error('unknown aws region "us-east-7"; did you mean "us-east-1"?'));
  });

  test('a region of another cloud says which cloud it belongs to', () => {
    expect(() => Pop.nearest('aws', 'us-central1')).toThrow(new Error(
      'unknown aws region "us-central1"; it is a gcp region: use Pop.nearest("gcp", "us-central1")'));
  });

  test('an unrecognisable region lists the known ones', () => {
    expect(() => Pop.nearest('gcp', 'mars')).toThrow(/^unknown gcp region "mars"; known gcp regions: africa-south1, asia-east1, /);
  });
});

describe('data/pops.json', () => {
  const currentCodes = new Set(catalogue.pops.filter((entry) => entry.status === 'current').map((entry) => entry.code));

  test('has 86 unique codes: 59 current, 21 retired, 6 legacy', () => {
    const codes = catalogue.pops.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(86);
    const count = (status: string) => catalogue.pops.filter((entry) => entry.status === status).length;
    expect([count('current'), count('retired'), count('legacy-unverified')]).toEqual([59, 21, 6]);
  });

  test('every entry has coordinates and a source; every current one a POP code', () => {
    for (const entry of catalogue.pops) {
      expect(Math.abs(entry.latitude)).toBeLessThanOrEqual(90);
      expect(Math.abs(entry.longitude)).toBeLessThanOrEqual(180);
      expect(entry.source).not.toHaveLength(0);
      if (entry.status === 'current') expect(entry.pop).toMatch(/^[A-Z]{3}$/);
    }
  });

  test('every replacement is a current code, and only withdrawn codes have one', () => {
    for (const entry of catalogue.pops.filter((candidate) => candidate.replacement !== undefined)) {
      expect(entry.status).not.toBe('current');
      expect(currentCodes).toContain(entry.replacement);
    }
  });

  test('every cloud region maps to a current code', () => {
    expect(Object.keys(catalogue.cloudRegions).sort()).toEqual(['aws', 'azure', 'gcp']);
    for (const regions of Object.values(catalogue.cloudRegions)) {
      for (const entry of Object.values(regions)) expect(currentCodes).toContain(entry.shield);
    }
  });

  test('a region mapped by distance gets a current shield no farther than any other', () => {
    const current = catalogue.pops.filter((entry) => currentCodes.has(entry.code));
    const byCode = new Map(current.map((entry) => [entry.code, entry]));
    for (const regions of Object.values(catalogue.cloudRegions)) {
      for (const entry of Object.values(regions).filter((candidate) => candidate.basis === 'nearest-by-distance')) {
        const closest = Math.min(...current.map((shield) => greatCircleKm(entry, shield)));
        expect(greatCircleKm(entry, byCode.get(entry.shield)!)).toBeCloseTo(closest, 0);
      }
    }
  });
});

function greatCircleKm(from: { latitude: number; longitude: number }, to: { latitude: number; longitude: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const haversine = Math.sin(radians(to.latitude - from.latitude) / 2) ** 2
    + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(radians(to.longitude - from.longitude) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(haversine));
}
