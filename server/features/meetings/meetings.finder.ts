import { type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import {
  MEETING_FINDER_LIMITS,
  type MeetingFinderQuery,
  type MeetingList,
  type MeetingListItem,
} from '../../../shared/contracts/meetings.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/app-error.ts';
import { canonicalTypeCode } from './feed/type-codes.ts';
import { MINUTES_A_WEEK, occurrenceNear, windowPieces } from './meetings.window.ts';

/**
 * The public finder. Filtering, ordering and paging happen in SQL; see meetings.window.ts for how "starts
 * within a window" becomes indexable (zone, day, time) ranges. Ordering: by distance when `near` is
 * given, else by the next start; ties by id. The cursor carries the last (key, id).
 */

const SOON_MINUTES = 60;
const EARTH_KM = 6371.0088;
const KM_PER_DEGREE = 111.32;

const startMinute = sql`(substr(time, 1, 2)::int * 60 + substr(time, 4, 2)::int)`;
const endMinute = sql`(substr(end_time, 1, 2)::int * 60 + substr(end_time, 4, 2)::int)`;
const durationSql = sql`(CASE WHEN end_time IS NULL OR end_time = time THEN 60 ELSE ((${endMinute} - ${startMinute} + 1440) % 1440) END)`;

/** Raw rows (both drivers answer `{ rows }`). */
const rowsOf = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

function badInput(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message }]);
}

function validZone(zone: string): string {
  const probe = DateTime.now().setZone(zone);
  if (!probe.isValid || (!zone.includes('/') && zone !== 'UTC')) badInput('tz', 'Unknown time zone');
  return probe.zoneName ?? zone;
}

function parseNear(near: string): { lat: number; lng: number } {
  const match = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(near);
  const lat = Number(match?.[1]);
  const lng = Number(match?.[2]);
  if (!match || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) badInput('near', 'Expected "latitude,longitude"');
  return { lat, lng };
}

interface ZoneFacts {
  timezone: string;
  /** The zone's longest meeting of at most LONG_MINUTES: how far back "in progress" must look. */
  longest: number;
  /** Meetings longer than that (rare: marathons, all-day rooms), looked back for separately by id. */
  long_ids: string[] | null;
  long_longest: number;
}

const LONG_MINUTES = 180;

/**
 * The zones present and their longest meeting: a scan of the table, so each process keeps the answer
 * for ZONES_TTL_MS. Until then a zone added by an import is not searched and a longer meeting may be
 * missed by "now"; an import calls forgetMeetingZones so this process sees it at once.
 */
const ZONES_TTL_MS = 60_000;
const zoneCache = new WeakMap<Db, { at: number; zones: ZoneFacts[] }>();
export const forgetMeetingZones = (db: Db) => zoneCache.delete(db);
async function zonesOf(db: Db): Promise<ZoneFacts[]> {
  const cached = zoneCache.get(db);
  if (cached && Date.now() - cached.at < ZONES_TTL_MS) return cached.zones;
  const zones = await rowsOf<ZoneFacts>(
    db,
    sql`SELECT timezone, coalesce(max(d) FILTER (WHERE d <= ${LONG_MINUTES}), 60)::int AS longest,
      array_agg(id::text) FILTER (WHERE d > ${LONG_MINUTES}) AS long_ids, max(d)::int AS long_longest
      FROM (SELECT timezone, id, ${durationSql} AS d FROM meetings WHERE day IS NOT NULL) x GROUP BY timezone`,
  );
  zoneCache.set(db, { at: Date.now(), zones });
  return zones;
}

interface Cursor {
  k: number | null;
  id: string;
}
const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if ((value.k === null || Number.isFinite(value.k)) && typeof value.id === 'string' && /^[0-9a-f-]{36}$/.test(value.id)) return value;
  } catch {}
  return badInput('cursor', 'Invalid cursor');
}

/** The UTC interval (epoch minutes) a `when` asks for, per zone (`now` looks back by the zone's longest meeting). */
function intervalFor(query: MeetingFinderQuery, now: DateTime, viewerZone: string, longest: number): [number, number] | null {
  const nowMinute = Math.floor(now.toMillis() / 60_000);
  switch (query.when) {
    case 'now':
      return [nowMinute - longest + 1, nowMinute + 1];
    case 'soon':
      return [nowMinute + 1, nowMinute + SOON_MINUTES + 1];
    case 'today':
      return [nowMinute + 1, Math.floor(now.setZone(viewerZone).endOf('day').toMillis() / 60_000) + 1];
    case 'window': {
      if (query.day === undefined || !query.from || !query.to) badInput('day', 'A window needs day, from and to');
      const local = now.setZone(viewerZone).startOf('day');
      const ahead = (query.day - (local.weekday % 7) + 7) % 7;
      const span = (date: DateTime): [number, number] => {
        const [fh, fm] = (query.from as string).split(':').map(Number);
        const [th, tm] = (query.to as string).split(':').map(Number);
        const start = date.set({ hour: fh, minute: fm });
        let end = date.set({ hour: th, minute: tm });
        if (end <= start) end = end.plus({ days: 1 });
        return [Math.floor(start.toMillis() / 60_000), Math.floor(end.toMillis() / 60_000) + 1];
      };
      const first = span(local.plus({ days: ahead }));
      // Today's window already over: next week's.
      return first[1] <= nowMinute ? span(local.plus({ days: ahead + 7 })) : first;
    }
    default:
      return null;
  }
}

interface Row {
  id: string;
  slug: string;
  name: string;
  day: number | null;
  time: string | null;
  end_time: string | null;
  timezone: string;
  types: string[];
  custom_types: string[];
  languages: string[];
  attendance_mode: MeetingListItem['attendanceMode'];
  location: string | null;
  formatted_address: string | null;
  regions: string[];
  fellowship: string | null;
  has_url: boolean;
  has_phone: boolean;
  k: number | null;
  dur: number | null;
  dist: number | null;
}

export async function findMeetings({
  db,
  query,
  now = DateTime.utc(),
}: {
  db: Db;
  query: MeetingFinderQuery;
  now?: DateTime;
}): Promise<MeetingList> {
  const viewerZone = validZone(query.tz);
  const nowMinute = Math.floor(now.toMillis() / 60_000);
  const limit = query.limit ?? MEETING_FINDER_LIMITS.pageDefault;
  const filters: SQL[] = [sql`attendance_mode <> 'inactive'`];

  if (query.mode && query.mode.length > 0)
    filters.push(
      sql`attendance_mode IN (${sql.join(
        query.mode.map((m) => sql`${m}`),
        sql`, `,
      )})`,
    );
  if (query.types && query.types.length > 0) {
    const codes = query.types.map((code) => canonicalTypeCode(code) ?? badInput('types', `Unknown type code "${code.slice(0, 10)}"`));
    filters.push(sql`types @> ${`{${codes.join(',')}}`}::text[]`);
  }
  if (query.access && query.access.length > 0) filters.push(sql`types @> ${`{${query.access.join(',')}}`}::text[]`);
  if (query.fellowship) filters.push(sql`fellowship = ${query.fellowship}`);
  if (query.language) filters.push(sql`languages @> ${`{${query.language}}`}::text[]`);

  let distance: SQL = sql`NULL::float8`;
  if (query.near) {
    const { lat, lng } = parseNear(query.near);
    const radius = query.radiusKm ?? MEETING_FINDER_LIMITS.radiusKmDefault;
    const dLat = radius / KM_PER_DEGREE;
    const cos = Math.cos((lat * Math.PI) / 180);
    const dLng = cos < 0.01 ? 180 : Math.min(180, radius / (KM_PER_DEGREE * cos));
    const box: SQL[] = [sql`latitude BETWEEN ${lat - dLat}::float8 AND ${lat + dLat}::float8`];
    if (dLng >= 180) box.push(sql`longitude IS NOT NULL`);
    else if (lng - dLng < -180) box.push(sql`(longitude >= ${lng - dLng + 360}::float8 OR longitude <= ${lng + dLng}::float8)`);
    else if (lng + dLng > 180) box.push(sql`(longitude >= ${lng - dLng}::float8 OR longitude <= ${lng + dLng - 360}::float8)`);
    else box.push(sql`longitude BETWEEN ${lng - dLng}::float8 AND ${lng + dLng}::float8`);
    filters.push(...box);
    distance = sql`(2 * ${EARTH_KM}::float8 * asin(least(1, sqrt(
      power(sin(radians(latitude - ${lat}::float8) / 2), 2) +
      cos(radians(${lat}::float8)) * cos(radians(latitude)) * power(sin(radians(longitude - ${lng}::float8) / 2), 2)))))`;
  } else if (query.radiusKm !== undefined) badInput('radiusKm', 'radiusKm needs near');

  const zoneRows = await zonesOf(db);

  const anyTime = query.when === undefined;
  const sortByDistance = query.near !== undefined;
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const base: Base = {
    filters,
    distance,
    sortByDistance,
    radius: query.radiusKm ?? MEETING_FINDER_LIMITS.radiusKmDefault,
    nowMinute,
  };
  let rows: Row[];
  if (!anyTime) {
    rows = await runPage(db, base, zoneRows, (longest) => intervalFor(query, now, viewerZone, longest), {
      mode: query.when === 'now' ? 'now' : 'plain',
      appointments: false,
      cursor,
      limit: limit + 1,
    });
  } else if (sortByDistance) {
    // Every scheduled meeting once (a week from the longest one's start), ranked by distance.
    rows = await runPage(db, base, zoneRows, (longest) => [nowMinute - longest + 1, nowMinute - longest + 1 + MINUTES_A_WEEK], {
      mode: 'week',
      appointments: true,
      cursor,
      limit: limit + 1,
    });
  } else {
    // By next start over the coming week, in growing slices so a page reads only the rows it needs;
    // by-appointment meetings last.
    rows = [];
    const end = nowMinute + MINUTES_A_WEEK;
    let sliceStart = cursor?.k === null ? end : Math.max(nowMinute - 1440, cursor ? cursor.k - 1 : nowMinute - 1440);
    let step = SOON_MINUTES * 2;
    while (sliceStart < end && rows.length <= limit) {
      const sliceEnd = Math.min(end, Math.max(sliceStart + step, nowMinute + step));
      const from = sliceStart;
      rows.push(
        ...(await runPage(
          db,
          base,
          zoneRows,
          (longest) => (sliceEnd <= nowMinute - longest + 1 ? null : [Math.max(from, nowMinute - longest + 1), sliceEnd]),
          { mode: 'occurrence', appointments: false, cursor, limit: limit + 1 - rows.length },
        )),
      );
      sliceStart = sliceEnd;
      step = Math.min(step * 4, 1440);
    }
    if (rows.length <= limit)
      rows.push(
        ...(await runPage(db, base, [], () => null, {
          mode: 'plain',
          appointments: true,
          cursor: cursor?.k === null ? cursor : null,
          limit: limit + 1 - rows.length,
        })),
      );
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const lastKey = last ? (sortByDistance ? last.dist : last.k) : null;
  return {
    items: page.map((row) => present(row, now, viewerZone)),
    nextCursor: rows.length > limit && last ? encodeCursor({ k: lastKey === null ? null : Number(lastKey), id: last.id }) : null,
  };
}

interface Base {
  filters: SQL[];
  distance: SQL;
  sortByDistance: boolean;
  radius: number;
  nowMinute: number;
}

/**
 * One query: the meetings whose start falls in each zone's interval (or by appointment), with their
 * start instant as `k`, ordered and cut after the cursor. Modes: plain (the interval is the filter);
 * now (and still going on); week (a week's interval: an occurrence already over counts from next week);
 * occurrence (the current or next occurrence only: still going on, and the one before it is over).
 */
async function runPage(
  db: Db,
  base: Base,
  zones: ZoneFacts[],
  intervalOf: (longest: number) => [number, number] | null,
  options: { mode: 'plain' | 'now' | 'week' | 'occurrence'; appointments: boolean; cursor: Cursor | null; limit: number },
): Promise<Row[]> {
  const { nowMinute } = base;
  const branches: { cond: SQL; key: SQL }[] = [];
  const addBranches = (timezone: string, interval: [number, number] | null, only: SQL) => {
    if (!interval || interval[0] >= interval[1]) return;
    for (const piece of windowPieces(timezone, interval[0], interval[1])) {
      branches.push({
        cond: sql`(timezone = ${piece.zone} AND day = ${piece.day} AND time BETWEEN ${piece.from} AND ${piece.to}${only})`,
        key: sql`${piece.base}::int + ${startMinute}`,
      });
    }
  };
  for (const zone of zones) {
    const interval = intervalOf(zone.longest);
    addBranches(zone.timezone, interval, sql``);
    // Long meetings need a longer look back; only where the interval depends on it.
    if (options.mode === 'week' || !zone.long_ids || zone.long_ids.length === 0) continue;
    const longer = intervalOf(zone.long_longest);
    if (longer && (!interval || longer[0] !== interval[0] || longer[1] !== interval[1]))
      addBranches(zone.timezone, longer, sql` AND id = ANY(${`{${zone.long_ids.join(',')}}`}::uuid[])`);
  }
  const conditions: SQL[] = branches.map((b) => b.cond);
  if (options.appointments) conditions.push(sql`day IS NULL`);
  if (conditions.length === 0) return [];
  // A week's pieces cover every (zone, day, time): no time filter needed.
  const timeCondition = options.mode === 'week' ? sql`true` : sql.join(conditions, sql` OR `);
  const keySql =
    branches.length === 0
      ? sql`NULL::int`
      : sql`(CASE ${sql.join(
          branches.map((b) => sql`WHEN ${b.cond} THEN ${b.key}`),
          sql` `,
        )} END)`;
  const inner = sql`SELECT id, slug, name, day, time, end_time, timezone, types, custom_types, languages, attendance_mode,
      location, formatted_address, regions, fellowship, conference_url IS NOT NULL AS has_url, conference_phone IS NOT NULL AS has_phone,
      ${keySql} AS k0, CASE WHEN day IS NULL THEN NULL ELSE ${durationSql} END AS dur, ${base.distance} AS dist
    FROM meetings WHERE ${sql.join(base.filters, sql` AND `)} AND (${timeCondition})`;
  const key = options.mode === 'week' ? sql`(CASE WHEN k0 + dur <= ${nowMinute} THEN k0 + ${MINUTES_A_WEEK} ELSE k0 END)` : sql`k0`;
  const outer: SQL[] = [];
  if (options.mode === 'now') outer.push(sql`k0 + dur > ${nowMinute}`);
  if (options.mode === 'occurrence') {
    // The same local time a week earlier (DST-aware, in the meeting's zone) must be over.
    const previous = sql`(extract(epoch FROM ((to_timestamp(k0 * 60) AT TIME ZONE timezone) - interval '7 days') AT TIME ZONE timezone) / 60)`;
    outer.push(sql`k0 + dur > ${nowMinute} AND ${previous} + dur <= ${nowMinute}`);
  }
  if (base.sortByDistance) outer.push(sql`dist <= ${base.radius}::float8`);
  const sortKey = base.sortByDistance ? sql`dist` : sql`k`;
  const cursor = options.cursor;
  if (cursor) {
    if (cursor.k === null) outer.push(sql`(${sortKey} IS NULL AND id > ${cursor.id}::uuid)`);
    else
      outer.push(
        sql`(${sortKey} > ${cursor.k}::float8 OR (${sortKey} = ${cursor.k}::float8 AND id > ${cursor.id}::uuid) OR ${sortKey} IS NULL)`,
      );
  }
  const statement = sql`SELECT * FROM (SELECT s.*, ${key}::int AS k FROM (${inner}) s) t
    ${outer.length > 0 ? sql`WHERE ${sql.join(outer, sql` AND `)}` : sql``}
    ORDER BY ${sortKey} ASC NULLS LAST, id ASC LIMIT ${options.limit}`;
  return rowsOf<Row>(db, statement);
}

function present(row: Row, now: DateTime, viewerZone: string): MeetingListItem {
  let nextStart: DateTime | null = null;
  if (row.k !== null && row.day !== null && row.time !== null) nextStart = occurrenceNear(row.timezone, row.day, row.time, Number(row.k));
  const minutes = nextStart ? Math.floor((nextStart.toMillis() - Math.floor(now.toMillis() / 60_000) * 60_000) / 60_000) : null;
  const local = nextStart?.setZone(viewerZone) ?? null;
  const dur = Number(row.dur ?? 0);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    types: row.types,
    customTypes: row.custom_types,
    languages: row.languages,
    attendanceMode: row.attendance_mode,
    location: row.location,
    formattedAddress: row.formatted_address,
    regions: row.regions,
    fellowship: row.fellowship,
    hasConferenceUrl: row.has_url,
    hasConferencePhone: row.has_phone,
    distanceKm: row.dist === null ? null : Math.round(Number(row.dist) * 100) / 100,
    day: row.day,
    time: row.time,
    endTime: row.end_time,
    timezone: row.timezone,
    nextStart: nextStart ? (nextStart.toUTC().toISO({ suppressMilliseconds: true }) as string) : null,
    startsLocal: local ? { time: local.toFormat('HH:mm'), weekday: local.weekday % 7 } : null,
    status:
      minutes === null
        ? null
        : minutes <= 0 && minutes + dur > 0
          ? 'in_progress'
          : minutes > 0 && minutes <= SOON_MINUTES
            ? 'starting_soon'
            : 'later',
    minutesUntilStart: minutes,
  };
}
