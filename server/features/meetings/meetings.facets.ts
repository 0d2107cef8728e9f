import { type SQL, sql } from 'drizzle-orm';
import type { MeetingFacets } from '../../../shared/contracts/meetings.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';

/**
 * What the finder's filters can offer, read from the directory itself. Three grouped scans over the
 * active meetings; nothing per meeting leaves the database. A region is a meeting's most general
 * region (the first of `regions`), else its city; its point is the average of its meetings'
 * coordinates (its count is of all its meetings), so "near a region" needs no geocoding service. Regions
 * without any coordinates are left out: there is nothing to measure a distance from.
 */

const ACTIVE = sql`attendance_mode <> 'inactive'`;

/** Raw rows (both drivers answer `{ rows }`). */
const rowsOf = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export async function meetingFacets({
  db,
  config,
}: {
  db: Db;
  config: Pick<Config, 'mapTileUrl' | 'mapAttribution'>;
}): Promise<MeetingFacets> {
  const [fellowships, languages, regions] = await Promise.all([
    rowsOf<{ name: string; meetings: number | string }>(
      db,
      sql`SELECT fellowship AS name, count(*) AS meetings FROM meetings
          WHERE ${ACTIVE} AND fellowship IS NOT NULL
          GROUP BY fellowship ORDER BY count(*) DESC, fellowship`,
    ),
    rowsOf<{ code: string; meetings: number | string }>(
      db,
      sql`SELECT code, count(*) AS meetings FROM meetings, unnest(languages) AS code
          WHERE ${ACTIVE}
          GROUP BY code ORDER BY count(*) DESC, code`,
    ),
    rowsOf<{ name: string; latitude: number | string; longitude: number | string; meetings: number | string }>(
      db,
      sql`SELECT name, avg(latitude) AS latitude, avg(longitude) AS longitude, count(*) AS meetings
          FROM (SELECT coalesce(regions[1], city) AS name, latitude, longitude FROM meetings WHERE ${ACTIVE}) AS placed
          WHERE name IS NOT NULL
          GROUP BY name HAVING count(latitude) > 0 ORDER BY name`,
    ),
  ]);
  return {
    fellowships: fellowships.map((r) => ({ name: r.name, meetings: Number(r.meetings) })),
    languages: languages.map((r) => ({ code: r.code, meetings: Number(r.meetings) })),
    regions: regions.map((r) => ({
      name: r.name,
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
      meetings: Number(r.meetings),
    })),
    mapTileUrl: config.mapTileUrl,
    mapAttribution: config.mapAttribution,
  };
}
