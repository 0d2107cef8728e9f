import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { openDatabase } from '../../server/db/client.ts';
import { commitImport, isImportError } from '../../server/features/meeting-sources/meeting-sources.public.ts';
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
  // Each copy's stored Meeting Guide record (feed_json, what the export streams) gets the copy's own
  // slug, time and place.
  await pool.query(
    `INSERT INTO meetings (slug, name, day, time, end_time, crosses_midnight, timezone, types, custom_types, languages,
       attendance_mode, location, location_notes, formatted_address, address, city, state, postal_code, country, approximate,
       latitude, longitude, regions, fellowship, conference_url, conference_url_notes, conference_phone, conference_phone_notes,
       notes, "group", district, website, email, phone, contacts, content_hash, feed_json)
     SELECT c.new_slug, c.name, c.day, c.new_time, c.end_time, c.crosses_midnight, c.timezone, c.types, c.custom_types, c.languages,
       c.attendance_mode, c.location, c.location_notes, c.formatted_address, c.address, c.city, c.state, c.postal_code, c.country,
       c.approximate, c.new_latitude, c.new_longitude, c.regions, c.fellowship, c.conference_url, c.conference_url_notes,
       c.conference_phone, c.conference_phone_notes, c.notes, c."group", c.district, c.website, c.email, c.phone, c.contacts,
       md5(c.new_slug),
       -- The copy's stored Meeting Guide record (what the export streams) with its own slug, time and place.
       (c.feed_json::jsonb || jsonb_strip_nulls(jsonb_build_object('slug', c.new_slug, 'time', c.new_time,
         'latitude', c.new_latitude, 'longitude', c.new_longitude)))::text
     FROM (
       SELECT m.*, m.slug || '-c' || k AS new_slug,
         CASE WHEN m.time IS NULL THEN NULL ELSE to_char(time '00:00' + ((substr(m.time, 1, 2)::int * 60 + substr(m.time, 4, 2)::int
           + ((k * 37 + length(m.slug)) % 7 - 3) * 5 + 1440) % 1440) * interval '1 minute', 'HH24:MI') END AS new_time,
         CASE WHEN m.latitude IS NULL THEN NULL ELSE least(89.9, greatest(-89.9, m.latitude + (random() - 0.5) * 0.27)) END AS new_latitude,
         CASE WHEN m.longitude IS NULL THEN NULL ELSE least(179.9, greatest(-179.9, m.longitude + (random() - 0.5) * 0.35)) END AS new_longitude
       FROM meetings m, generate_series(1, $1::int) AS k
       LIMIT $2::int
     ) AS c`,
    [copies, count - real],
  );
  await pool.query('VACUUM ANALYZE meetings');
  const { rows: after } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM meetings');
  return Number(after[0]?.n ?? 0);
}
