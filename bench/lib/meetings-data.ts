import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { openDatabase } from '../../server/db/client.ts';
import { commitImport, isImportError } from '../../server/features/meetings/import.service.ts';
import { meetingGuideFeed } from '../../server/test/field-data.ts';

/** The real feeds in the field data, with the zone their publishers are in (they mostly name none). */
export const REAL_FEEDS = [
  { file: 'aasanjose.test.json', zone: 'America/Los_Angeles' },
  { file: 'aasfmarin.test.json', zone: 'America/Los_Angeles' },
  { file: 'kc.test.json', zone: 'America/Chicago' },
  { file: 'edmonton.json', zone: 'America/Edmonton' },
] as const;

type Raw = Record<string, unknown>;

/** Every record of every real feed, each with its publisher's zone where it names none and a slug unique across feeds. */
export function realRecords(): Raw[] {
  return REAL_FEEDS.flatMap(({ file, zone }, f) =>
    (JSON.parse(readFileSync(meetingGuideFeed(file), 'utf8')) as Raw[]).map((record) => ({
      ...record,
      slug: `${f}-${String(record.slug ?? '')}`,
      timezone: record.timezone ?? zone,
    })),
  );
}

/** A feed of exactly `count` records drawn from the real ones (repeated under new slugs past their number). */
export function feedOf(count: number): Raw[] {
  const real = realRecords();
  return Array.from({ length: count }, (_, i) => {
    const record = real[i % real.length] as Raw;
    return i < real.length ? record : { ...record, slug: `${String(record.slug)}-r${Math.floor(i / real.length)}` };
  });
}

/**
 * A directory of `count` meetings with the real feeds' distributions: the real meetings imported as
 * the organization's own groups, then copied with their day, time, zone, types, languages and
 * attendance mode, each copy moved up to ~15 km from its original and its start shifted by a
 * multiple of 5 minutes (so starts spread as in the field, not stack on a few minutes).
 */
export async function seedDirectory(databaseUrl: string, pool: pg.Pool, count: number): Promise<number> {
  const database = await openDatabase({ databaseUrl, poolMax: 2 });
  try {
    const result = await commitImport({ db: database.db, sourceId: null, raw: realRecords(), defaultTimezone: 'America/Los_Angeles' });
    if (isImportError(result)) throw new Error(result.error);
  } finally {
    await database.close();
  }
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM meetings');
  const real = Number(rows[0]?.n ?? 0);
  const copies = Math.ceil(count / real) - 1;
  await pool.query(
    `INSERT INTO meetings (slug, name, day, time, end_time, crosses_midnight, timezone, types, custom_types, languages,
       attendance_mode, location, location_notes, formatted_address, address, city, state, postal_code, country, approximate,
       latitude, longitude, regions, fellowship, conference_url, conference_url_notes, conference_phone, conference_phone_notes,
       notes, "group", district, website, email, phone, contacts, content_hash)
     SELECT * FROM (
       SELECT m.slug || '-c' || k, m.name, m.day,
         CASE WHEN m.time IS NULL THEN NULL ELSE to_char(time '00:00' + ((substr(m.time, 1, 2)::int * 60 + substr(m.time, 4, 2)::int
           + ((k * 37 + length(m.slug)) % 7 - 3) * 5 + 1440) % 1440) * interval '1 minute', 'HH24:MI') END,
         m.end_time, m.crosses_midnight, m.timezone, m.types, m.custom_types, m.languages,
         m.attendance_mode, m.location, m.location_notes, m.formatted_address, m.address, m.city, m.state, m.postal_code, m.country,
         m.approximate,
         CASE WHEN m.latitude IS NULL THEN NULL ELSE least(89.9, greatest(-89.9, m.latitude + (random() - 0.5) * 0.27)) END,
         CASE WHEN m.longitude IS NULL THEN NULL ELSE least(179.9, greatest(-179.9, m.longitude + (random() - 0.5) * 0.35)) END,
         m.regions, m.fellowship, m.conference_url, m.conference_url_notes, m.conference_phone, m.conference_phone_notes,
         m.notes, m."group", m.district, m.website, m.email, m.phone, m.contacts, md5(m.slug || k)
       FROM meetings m, generate_series(1, $1::int) AS k) copies
     LIMIT $2::int`,
    [copies, count - real],
  );
  await pool.query('VACUUM ANALYZE meetings');
  const { rows: after } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM meetings');
  return Number(after[0]?.n ?? 0);
}
