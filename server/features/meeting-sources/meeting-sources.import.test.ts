import { readFileSync } from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingImportPreviewSchema } from '../../../shared/contracts/meetings-import.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { meetingSources } from '../../db/schema/meeting-sources.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { meetingGuideFeed } from '../../test/field-data.ts';
import { createTestDatabase } from '../../test/harness.ts';
import { NOT_AN_ARRAY } from '../meetings/meetings.public.ts';
import { commitImport, type ImportPreview, isImportError, previewImport } from './meeting-sources.import.ts';

const DATA = meetingGuideFeed();
const read = (file: string): Record<string, unknown>[] => JSON.parse(readFileSync(path.join(DATA, file), 'utf8'));

/** The pinned counts of server/features/meetings/feed/real-feeds.test.ts. */
const FEEDS = [
  { file: 'aasanjose.test.json', zone: 'America/Los_Angeles', total: 693, accepted: 693 },
  { file: 'aasfmarin.test.json', zone: 'America/Denver', total: 658, accepted: 658 },
  { file: 'kc.test.json', zone: 'America/Chicago', total: 206, accepted: 206 },
  { file: 'edmonton.json', zone: 'America/Edmonton', total: 315, accepted: 315 },
  { file: 'timezones.test.json', zone: 'UTC', total: 2, accepted: 2 },
  { file: 'appointment.test.json', zone: 'America/Los_Angeles', total: 2, accepted: 2 },
] as const;

let database: DatabaseHandle & { drop(): Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function newSource(name: string, defaultTimezone = 'America/Chicago') {
  const [source] = await database.db.insert(meetingSources).values({ name, kind: 'file', defaultTimezone }).returning();
  if (!source) throw new Error('no source');
  return source.id;
}
const rowsOf = async (sourceId: string | null) =>
  database.db
    .select()
    .from(meetings)
    .where(sourceId === null ? sql`${meetings.sourceId} IS NULL` : eq(meetings.sourceId, sourceId));
const totalRows = async () => (await database.db.select({ n: count() }).from(meetings))[0]?.n;
function ok(result: ImportPreview | { error: string }): ImportPreview {
  if (isImportError(result)) throw new Error(result.error);
  return result;
}
const slugs = (entries: { slug: string }[]) => entries.map((e) => e.slug).sort();

describe('importing the real feeds', () => {
  for (const feed of FEEDS) {
    it(`${feed.file}: stores every accepted meeting, and a second import changes nothing`, async () => {
      const sourceId = await newSource(feed.file, feed.zone);
      const raw = read(feed.file);
      const preview = ok(await previewImport({ db: database.db, sourceId, raw, defaultTimezone: feed.zone }));
      expect(preview).toMatchObject({ total: feed.total, accepted: feed.accepted, change: [], remove: [], unchanged: 0 });
      expect(preview.add).toHaveLength(feed.accepted);
      expect(meetingImportPreviewSchema.parse(preview)).toEqual(preview);
      expect(await rowsOf(sourceId)).toHaveLength(0); // a preview writes nothing

      const first = ok(await commitImport({ db: database.db, sourceId, raw, defaultTimezone: feed.zone }));
      expect(first).toEqual(preview);
      const rows = await rowsOf(sourceId);
      expect(rows).toHaveLength(feed.accepted);
      expect(new Set(rows.map((r) => r.slug)).size).toBe(feed.accepted);

      const before = new Map(rows.map((r) => [r.slug, r.updatedAt.getTime()]));
      const second = ok(await commitImport({ db: database.db, sourceId, raw: JSON.stringify(raw), defaultTimezone: feed.zone }));
      expect({ add: second.add, change: second.change, remove: second.remove, unchanged: second.unchanged }).toEqual({
        add: [],
        change: [],
        remove: [],
        unchanged: feed.accepted,
      });
      const after = await rowsOf(sourceId);
      expect(new Map(after.map((r) => [r.slug, r.updatedAt.getTime()]))).toEqual(before);

      const [source] = await database.db.select().from(meetingSources).where(eq(meetingSources.id, sourceId));
      expect(source?.lastImportedAt).toBeInstanceOf(Date);
      expect(source?.lastReport).toMatchObject({ total: feed.total, accepted: feed.accepted, added: 0, changed: 0, removed: 0 });
    });
  }

  it('keeps every normalized field', async () => {
    const [source] = await database.db.select().from(meetingSources).where(eq(meetingSources.name, 'edmonton.json'));
    const [row] = await database.db
      .select()
      .from(meetings)
      .where(sql`${meetings.sourceId} = ${source?.id} AND ${meetings.slug} = '1473-5'`);
    expect(row).toMatchObject({ day: 5, time: '21:00', endTime: null, types: ['C'], attendanceMode: 'online', approximate: true });
    expect(row?.updated?.toISOString()).toBe('2022-06-27T09:52:35.000Z');
    const [sanJose] = await database.db.select().from(meetingSources).where(eq(meetingSources.name, 'aasanjose.test.json'));
    const [late] = await database.db
      .select()
      .from(meetings)
      .where(sql`${meetings.sourceId} = ${sanJose?.id} AND ${meetings.slug} = 'sundowners-dinner-meeting'`);
    expect(late).toMatchObject({ time: '19:15', endTime: '08:15', crossesMidnight: true });
  });
});

describe('a feed that changed', () => {
  it('previews and commits exactly one addition, one change and one removal', async () => {
    const sourceId = await newSource('kc changes');
    const raw = read('kc.test.json');
    ok(await commitImport({ db: database.db, sourceId, raw, defaultTimezone: 'America/Chicago' }));
    const [first, second, ...rest] = raw;
    const changed = { ...first, name: 'A renamed meeting' };
    const added = { ...second, slug: 'brand-new', name: 'A new meeting' };
    const next = [changed, ...rest, added];
    const preview = ok(await previewImport({ db: database.db, sourceId, raw: next, defaultTimezone: 'America/Chicago' }));
    expect({ add: preview.add, change: preview.change, remove: preview.remove, unchanged: preview.unchanged }).toEqual({
      add: [{ slug: 'brand-new', name: 'A new meeting' }],
      change: [{ slug: String(first?.slug), name: 'A renamed meeting' }],
      remove: [{ slug: String(second?.slug), name: expect.any(String) }],
      unchanged: 204,
    });
    const committed = ok(await commitImport({ db: database.db, sourceId, raw: next, defaultTimezone: 'America/Chicago' }));
    expect(committed).toEqual(preview);
    const rows = await rowsOf(sourceId);
    expect(rows).toHaveLength(206);
    expect(rows.find((r) => r.slug === String(first?.slug))?.name).toBe('A renamed meeting');
    expect(rows.some((r) => r.slug === String(second?.slug))).toBe(false);
    expect(rows.find((r) => r.slug === 'brand-new')?.name).toBe('A new meeting');
    // Importing the same again: nothing to do.
    const again = ok(await commitImport({ db: database.db, sourceId, raw: next, defaultTimezone: 'America/Chicago' }));
    expect([again.add, again.change, again.remove, again.unchanged]).toEqual([[], [], [], 206]);
  });

  it('keeps sources apart: the same slugs in two sources, and the own groups (no source)', async () => {
    const a = await newSource('kc a');
    const b = await newSource('kc b');
    const raw = read('kc.test.json').slice(0, 10);
    ok(await commitImport({ db: database.db, sourceId: a, raw, defaultTimezone: 'America/Chicago' }));
    ok(await commitImport({ db: database.db, sourceId: b, raw: raw.slice(0, 4), defaultTimezone: 'America/Chicago' }));
    const own = ok(await commitImport({ db: database.db, sourceId: null, raw: raw.slice(0, 3), defaultTimezone: 'America/Chicago' }));
    expect(own.add).toHaveLength(3);
    expect(await rowsOf(a)).toHaveLength(10);
    expect(await rowsOf(b)).toHaveLength(4);
    expect(await rowsOf(null)).toHaveLength(3);
    const ownAgain = ok(await commitImport({ db: database.db, sourceId: null, raw: raw.slice(1, 3), defaultTimezone: 'America/Chicago' }));
    expect([ownAgain.add.length, ownAgain.change.length, slugs(ownAgain.remove)]).toEqual([0, 0, [String(raw[0]?.slug)]]);
    expect(await rowsOf(null)).toHaveLength(2);
    expect(await rowsOf(a)).toHaveLength(10);
  });
});

describe('bad input writes nothing', () => {
  it('refuses malformed JSON, a feed that is not an array, an unknown zone and an unknown source', async () => {
    const sourceId = await newSource('kc bad');
    const raw = read('kc.test.json');
    ok(await commitImport({ db: database.db, sourceId, raw, defaultTimezone: 'America/Chicago' }));
    const [sourceBefore] = await database.db.select().from(meetingSources).where(eq(meetingSources.id, sourceId));
    const rowsBefore = await totalRows();

    const cases: [unknown, string, RegExp][] = [
      ['[{"slug": "a", "name": ', 'America/Chicago', /^The feed is not valid JSON/],
      ['{"meetings": []}', 'America/Chicago', new RegExp(`^${NOT_AN_ARRAY}$`)],
      [{ meetings: raw }, 'America/Chicago', new RegExp(`^${NOT_AN_ARRAY}$`)],
      [raw, 'Mars/Olympus_Mons', /^Unknown default timezone "Mars\/Olympus_Mons"$/],
    ];
    for (const [input, zone, message] of cases) {
      for (const run of [previewImport, commitImport]) {
        const result = await run({ db: database.db, sourceId, raw: input, defaultTimezone: zone });
        expect(isImportError(result) && result.error).toMatch(message);
      }
    }
    const unknown = await commitImport({ db: database.db, sourceId: '00000000-0000-4000-8000-000000000000', raw, defaultTimezone: 'UTC' });
    expect(unknown).toEqual({ error: 'Unknown meeting source' });

    expect(await totalRows()).toBe(rowsBefore);
    expect(await rowsOf(sourceId)).toHaveLength(206);
    const [sourceAfter] = await database.db.select().from(meetingSources).where(eq(meetingSources.id, sourceId));
    expect(sourceAfter).toEqual(sourceBefore);
  });

  it('rolls back everything when a write fails half-way', async () => {
    const sourceId = await newSource('kc rollback');
    const raw = read('kc.test.json');
    ok(await commitImport({ db: database.db, sourceId, raw, defaultTimezone: 'America/Chicago' }));
    const [sourceBefore] = await database.db.select().from(meetingSources).where(eq(meetingSources.id, sourceId));
    const hashesBefore = (await rowsOf(sourceId)).map((r) => `${r.slug} ${r.contentHash}`).sort();
    // A constraint the normalized data cannot know about: the update of the renamed meeting fails
    // after the new meetings were inserted.
    await database.db.execute(sql`ALTER TABLE meetings ADD CONSTRAINT test_no_boom CHECK (name <> 'boom')`);
    try {
      const [first, second, third, ...rest] = raw;
      const next = [{ ...first, name: 'boom' }, second, ...rest, { ...third, slug: 'inserted-then-undone' }];
      const preview = ok(await previewImport({ db: database.db, sourceId, raw: next, defaultTimezone: 'America/Chicago' }));
      expect([preview.add.length, preview.change.length, preview.remove.length]).toEqual([1, 1, 1]);
      await expect(commitImport({ db: database.db, sourceId, raw: next, defaultTimezone: 'America/Chicago' })).rejects.toThrow();
    } finally {
      await database.db.execute(sql`ALTER TABLE meetings DROP CONSTRAINT test_no_boom`);
    }
    expect((await rowsOf(sourceId)).map((r) => `${r.slug} ${r.contentHash}`).sort()).toEqual(hashesBefore);
    const [sourceAfter] = await database.db.select().from(meetingSources).where(eq(meetingSources.id, sourceId));
    expect(sourceAfter).toEqual(sourceBefore);
  });
});
