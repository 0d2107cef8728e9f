import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingFacetsSchema, meetingListSchema } from '../../../shared/contracts/meetings.ts';
import { meetingSources } from '../../db/schema/meeting-sources.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { createAgent } from '../../test/agent.ts';
import { meetingGuideFeed } from '../../test/field-data.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { commitImport, isImportError } from '../meeting-sources/meeting-sources.public.ts';
import { mapTileImageSource } from './map-tiles.ts';

const read = (file: string): Record<string, unknown>[] => JSON.parse(readFileSync(meetingGuideFeed(file), 'utf8'));

async function importInto(t: TestApp, raw: unknown, options: { source: string | null; zone: string; fellowship?: string }) {
  let sourceId: string | null = null;
  if (options.source) {
    const [source] = await t.database.db
      .insert(meetingSources)
      .values({ name: options.source, kind: 'file', defaultTimezone: options.zone, fellowship: options.fellowship ?? null })
      .returning();
    sourceId = source?.id ?? null;
  }
  const result = await commitImport({
    db: t.database.db,
    sourceId,
    raw,
    defaultTimezone: options.zone,
    defaultFellowship: options.fellowship ?? null,
  });
  if (isImportError(result)) throw new Error(result.error);
}

describe('GET /api/meetings/facets over real feeds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await importInto(t, read('aasanjose.test.json'), { source: 'San Jose', zone: 'America/Los_Angeles', fellowship: 'AA' });
    await importInto(t, read('kc.test.json'), { source: 'Kansas City', zone: 'America/Chicago', fellowship: 'NA' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts fellowships, languages and regions as the stored meetings say, public and cacheable', async () => {
    const anonymous = createAgent(t.app);
    const reply = await anonymous.get('/api/meetings/facets');
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=300');
    const facets = meetingFacetsSchema.parse(reply.body);

    // The same figures computed here, from every stored row, independently of the SQL.
    const rows = (await t.database.db.select().from(meetings)).filter((m) => m.attendanceMode !== 'inactive');
    const tally = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
    const fellowships = tally(rows.flatMap((m) => (m.fellowship ? [m.fellowship] : [])));
    expect(new Map(facets.fellowships.map((f) => [f.name, f.meetings]))).toEqual(fellowships);
    expect([...fellowships.keys()].sort()).toEqual(['AA', 'NA']);

    const languages = tally(rows.flatMap((m) => m.languages));
    expect(languages.get('es')).toBeGreaterThan(10); // the San Jose feed has many Spanish-speaking meetings
    expect(new Map(facets.languages.map((l) => [l.code, l.meetings]))).toEqual(languages);
    expect(facets.languages.map((l) => l.meetings)).toEqual([...facets.languages.map((l) => l.meetings)].sort((a, b) => b - a));

    const byRegion = new Map<string, typeof rows>();
    for (const m of rows) {
      const name = m.regions[0] ?? m.city;
      if (name) byRegion.set(name, [...(byRegion.get(name) ?? []), m]);
    }
    const expected = [...byRegion]
      .map(([name, members]) => {
        const located = members.filter((m) => m.latitude !== null && m.longitude !== null);
        const mean = (pick: (m: (typeof rows)[number]) => number) => located.reduce((s, m) => s + pick(m), 0) / located.length;
        return located.length === 0
          ? null
          : { name, meetings: members.length, latitude: mean((m) => m.latitude ?? 0), longitude: mean((m) => m.longitude ?? 0) };
      })
      .filter((r) => r !== null);
    expect(facets.regions.map((r) => r.name).sort()).toEqual(expected.map((r) => r.name).sort());
    expect(facets.regions.length).toBeGreaterThan(5);
    for (const region of facets.regions) {
      const want = expected.find((r) => r.name === region.name);
      expect(region.meetings).toBe(want?.meetings);
      expect(region.latitude).toBeCloseTo(want?.latitude ?? Number.NaN, 6);
      expect(region.longitude).toBeCloseTo(want?.longitude ?? Number.NaN, 6);
    }
    // Kansas City's feed has no regions: its cities stand in.
    expect(facets.regions.some((r) => r.name === 'Kansas City')).toBe(true);
    expect(facets).toMatchObject({ mapTileUrl: null, mapAttribution: null });
    expect(reply.headers['content-security-policy']).toContain("img-src 'self' data:;");
  });
});

describe('GET /api/meetings/facets: what is left out, and the map settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      config: { mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', mapAttribution: '© OpenStreetMap contributors' },
    });
    const place = { address: '1 Main St', state: 'CA', country: 'US', approximate: 'no' };
    await importInto(
      t,
      [
        {
          slug: 'a',
          name: 'North A',
          day: 1,
          time: '19:00',
          regions: ['North', 'Upper'],
          latitude: 10,
          longitude: 20,
          ...place,
          city: 'X',
        },
        {
          slug: 'b',
          name: 'North B',
          day: 2,
          time: '19:00',
          regions: ['North'],
          latitude: 12,
          longitude: 22,
          types: ['S'],
          ...place,
          city: 'X',
        },
        // No coordinates: counted in North, not in its point.
        { slug: 'c', name: 'North C', day: 3, time: '19:00', regions: ['North'], ...place, city: 'X' },
        // A region with no coordinates at all has no point: left out.
        { slug: 'd', name: 'Nowhere', day: 3, time: '19:00', regions: ['Unplaced'], ...place, city: 'Y' },
        // No regions: its city names it.
        { slug: 'e', name: 'Town', day: 4, time: '08:00', latitude: -5, longitude: 7, ...place, city: 'Citytown' },
      ],
      { source: null, zone: 'America/Los_Angeles', fellowship: 'CA' },
    );
    // An inactive meeting counts nowhere.
    await t.database.db.insert(meetings).values({
      slug: 'gone',
      name: 'Gone',
      day: 1,
      time: '10:00',
      timezone: 'America/Los_Angeles',
      attendanceMode: 'inactive',
      regions: ['Ghost'],
      languages: ['fr'],
      fellowship: 'Ghosts',
      latitude: 1,
      longitude: 1,
      contentHash: 'x',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('leaves out inactive meetings and regions without coordinates; sorts regions by name', async () => {
    const reply = await createAgent(t.app).get('/api/meetings/facets');
    expect(reply.status).toBe(200);
    const facets = meetingFacetsSchema.parse(reply.body);
    expect(facets).toEqual({
      fellowships: [{ name: 'CA', meetings: 5 }],
      languages: [{ code: 'es', meetings: 1 }],
      regions: [
        { name: 'Citytown', latitude: -5, longitude: 7, meetings: 1 },
        { name: 'North', latitude: 11, longitude: 21, meetings: 3 },
      ],
      mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png',
      mapAttribution: '© OpenStreetMap contributors',
    });
  });

  it('gives each list item its coordinates for the map, null when the meeting has none', async () => {
    const reply = await createAgent(t.app).get('/api/meetings?tz=America/Los_Angeles&limit=50');
    expect(reply.status).toBe(200);
    const items = meetingListSchema.parse(reply.body).items;
    const placeOf = (slug: string) => {
      const item = items.find((i) => i.slug === slug);
      return item ? [item.latitude, item.longitude] : undefined;
    };
    expect(placeOf('a')).toEqual([10, 20]);
    expect(placeOf('b')).toEqual([12, 22]);
    expect(placeOf('e')).toEqual([-5, 7]);
    expect(placeOf('c')).toEqual([null, null]);
  });

  it('lets the page load tiles from the configured tile server, and from no other', async () => {
    const reply = await createAgent(t.app).get('/api/meetings/facets');
    const imgSrc = /img-src ([^;]*)/.exec(String(reply.headers['content-security-policy']))?.[1];
    expect(imgSrc).toBe("'self' data: https://tiles.example.org");
    expect(mapTileImageSource('https://{s}.tile.example.org:8443/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org:8443');
    expect(mapTileImageSource('javascript:alert(1)//{z}')).toBeNull();
    expect(mapTileImageSource("https://tiles.example.org 'unsafe-inline'/{z}")).toBeNull();
    expect(mapTileImageSource(null)).toBeNull();
  });

  it('is a static path, not a meeting id', async () => {
    expect((await createAgent(t.app).get('/api/meetings/facets')).status).toBe(200);
    // Any other word there is an id that names no meeting.
    expect((await createAgent(t.app).get('/api/meetings/not-a-uuid')).status).toBe(404);
  });
});
