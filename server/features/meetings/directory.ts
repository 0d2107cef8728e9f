import { sql } from 'drizzle-orm';
import type { AttendanceMode } from '../../../shared/contracts/meetings-feed.ts';
import type { Db } from '../../db/client.ts';
import { durationMinutes, minuteOfDay } from './meetings.window.ts';

/**
 * The finder's copy of the directory, in this process's memory.
 *
 * Why: the finder is public, phone-facing and read far more than the directory changes (an import a
 * day). Asked of PostgreSQL, "what starts within the hour near here" costs a query plan per zone and
 * day piece; against sorted arrays it is a binary search. The directory is public data (no person's
 * record is in it), so holding it in memory raises no privacy question; 100,000 meetings take about
 * 60 MB.
 *
 * Freshness: a statement trigger raises `meeting_directory_version` on every change to `meetings`
 * (migration 0006). A process looks at that number at most once every RECHECK_MS and reloads when it
 * moved; a process that writes meetings itself calls `directoryChanged` and sees the change on its next
 * read. So another process serves a change within about a second.
 */

export interface DirectoryMeeting {
  id: string;
  slug: string;
  name: string;
  day: number | null;
  time: string | null;
  endTime: string | null;
  timezone: string;
  types: string[];
  customTypes: string[];
  languages: string[];
  attendanceMode: AttendanceMode;
  location: string | null;
  formattedAddress: string | null;
  regions: string[];
  fellowship: string | null;
  hasConferenceUrl: boolean;
  hasConferencePhone: boolean;
  latitude: number | null;
  longitude: number | null;
  /** Minute of the week the meeting starts, local to its zone (day × 1440 + minute of day); -1 by appointment. */
  weekMinute: number;
  /** Minutes it lasts (the default when no end time is given). */
  duration: number;
  /** Name and group, folded for the name search (searchFold): lower case, no accents. */
  searchText: string;
}

/** One zone's weekly meetings, sorted by local minute of the week (then id). */
export interface ZoneShelf {
  timezone: string;
  meetings: DirectoryMeeting[];
  weekMinutes: Int32Array;
  /** The longest meeting of at most LONG_MINUTES: how far back "in progress" must look for most. */
  longest: number;
  /** Meetings longer than that (marathons, all-day rooms), looked back for one by one. */
  long: DirectoryMeeting[];
}

export interface Directory {
  version: number;
  zones: ZoneShelf[];
  /** By-appointment meetings, by id. */
  appointments: DirectoryMeeting[];
  /** Meetings with coordinates in cells of GRID_DEGREES, for "near". */
  grid: Map<number, DirectoryMeeting[]>;
  /** Every meeting with coordinates. */
  located: DirectoryMeeting[];
  /**
   * Meetings by what a filter asks for: `type:<code>`, `language:<tag>`, `fellowship:<name>`,
   * `mode:<mode>`. A rare filter (Spanish, a small fellowship) reads its list instead of the week.
   */
  postings: Map<string, DirectoryMeeting[]>;
  size: number;
}

export const LONG_MINUTES = 180;
/** About 2 km: a town's meetings spread over a few dozen cells, so "nearest first" stops early. */
export const GRID_DEGREES = 0.02;
export const GRID_COLUMNS = Math.round(360 / GRID_DEGREES);
const RECHECK_MS = 1000;

export const cellKey = (row: number, column: number) => row * GRID_COLUMNS + column;
const cellOf = (latitude: number, longitude: number) =>
  cellKey(Math.floor((latitude + 90) / GRID_DEGREES), Math.floor((longitude + 180) / GRID_DEGREES) % GRID_COLUMNS);

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
  attendance_mode: AttendanceMode;
  location: string | null;
  formatted_address: string | null;
  regions: string[];
  fellowship: string | null;
  has_url: boolean;
  has_phone: boolean;
  latitude: number | null;
  longitude: number | null;
  group_name?: string | null;
}

/** Text as the name search compares it: lower case, accents dropped ("Esperanza" finds "esperanza", "Niños" "ninos"). */
export const searchFold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

const byWeekMinuteThenId = (a: DirectoryMeeting, b: DirectoryMeeting) =>
  a.weekMinute - b.weekMinute || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Builds the in-memory shape from rows (exported for tests and the benchmark). */
export function buildDirectory(rows: Row[], version: number): Directory {
  const zones = new Map<string, DirectoryMeeting[]>();
  const appointments: DirectoryMeeting[] = [];
  const grid = new Map<number, DirectoryMeeting[]>();
  const located: DirectoryMeeting[] = [];
  // Most meetings share their zone, types, languages and regions with many others: one copy of each.
  const shared = new Map<string, string[]>();
  const one = (list: string[]) => {
    const key = list.join('\u0001');
    const found = shared.get(key);
    if (found) return found;
    shared.set(key, list);
    return list;
  };
  const zoneNames = new Map<string, string>();
  const zoneName = (zone: string) => {
    const found = zoneNames.get(zone);
    if (found) return found;
    zoneNames.set(zone, zone);
    return zone;
  };
  const postings = new Map<string, DirectoryMeeting[]>();
  const post = (key: string, meeting: DirectoryMeeting) => {
    const list = postings.get(key);
    if (list) list.push(meeting);
    else postings.set(key, [meeting]);
  };
  for (const row of rows) {
    const scheduled = row.day !== null && row.time !== null;
    const meeting: DirectoryMeeting = {
      id: row.id,
      slug: row.slug,
      name: row.name,
      day: row.day,
      time: row.time,
      endTime: row.end_time,
      timezone: zoneName(row.timezone),
      types: one(row.types),
      customTypes: one(row.custom_types),
      languages: one(row.languages),
      attendanceMode: row.attendance_mode,
      location: row.location,
      formattedAddress: row.formatted_address,
      regions: one(row.regions),
      fellowship: row.fellowship,
      hasConferenceUrl: row.has_url,
      hasConferencePhone: row.has_phone,
      latitude: row.latitude === null ? null : Number(row.latitude),
      longitude: row.longitude === null ? null : Number(row.longitude),
      weekMinute: scheduled ? (row.day as number) * 1440 + minuteOfDay(row.time as string) : -1,
      duration: scheduled ? durationMinutes(row.time as string, row.end_time) : 0,
      searchText: searchFold(row.group_name ? `${row.name}\u0001${row.group_name}` : row.name),
    };
    for (const code of meeting.types) post(`type:${code}`, meeting);
    for (const language of meeting.languages) post(`language:${language}`, meeting);
    if (meeting.fellowship) post(`fellowship:${meeting.fellowship}`, meeting);
    post(`mode:${meeting.attendanceMode}`, meeting);
    if (scheduled) {
      const list = zones.get(meeting.timezone);
      if (list) list.push(meeting);
      else zones.set(meeting.timezone, [meeting]);
    } else appointments.push(meeting);
    if (meeting.latitude !== null && meeting.longitude !== null) {
      located.push(meeting);
      const cell = cellOf(meeting.latitude, meeting.longitude);
      const list = grid.get(cell);
      if (list) list.push(meeting);
      else grid.set(cell, [meeting]);
    }
  }
  appointments.sort((a, b) => (a.id < b.id ? -1 : 1));
  const shelves: ZoneShelf[] = [...zones].map(([timezone, meetings]) => {
    meetings.sort(byWeekMinuteThenId);
    let longest = 60;
    const long: DirectoryMeeting[] = [];
    for (const meeting of meetings) {
      if (meeting.duration > LONG_MINUTES) long.push(meeting);
      else if (meeting.duration > longest) longest = meeting.duration;
    }
    return { timezone, meetings, weekMinutes: Int32Array.from(meetings, (m) => m.weekMinute), longest, long };
  });
  return { version, zones: shelves, appointments, grid, located, postings, size: rows.length };
}

/** The index of the first week minute ≥ `value` (binary search). */
export function lowerBound(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

async function currentVersion(db: Db): Promise<number> {
  const [row] = await rowsOf<{ version: number }>(db, sql`SELECT version FROM meeting_directory_version`);
  return Number(row?.version ?? 0);
}

async function loadDirectory(db: Db): Promise<Directory> {
  // The version first: a change landing during the read raises it again, and the next check reloads.
  const version = await currentVersion(db);
  const rows = await rowsOf<Row>(
    db,
    sql`SELECT id, slug, name, day, time, end_time, timezone, types, custom_types, languages, attendance_mode, location,
      formatted_address, regions, fellowship, conference_url IS NOT NULL AS has_url, conference_phone IS NOT NULL AS has_phone,
      latitude, longitude, "group" AS group_name
      FROM meetings WHERE attendance_mode <> 'inactive'`,
  );
  return buildDirectory(rows, version);
}

interface Held {
  directory: Promise<Directory>;
  checkedAt: number;
  stale: boolean;
}
const held = new WeakMap<Db, Held>();

/** This process changed meetings: the next read reloads. */
export function directoryChanged(db: Db): void {
  const entry = held.get(db);
  if (entry) entry.stale = true;
}

/** The directory as of at most about a second ago (or exactly now, after this process's own writes). */
export async function directoryOf(db: Db): Promise<Directory> {
  const entry = held.get(db);
  if (entry && !entry.stale) {
    if (Date.now() - entry.checkedAt < RECHECK_MS) return entry.directory;
    entry.checkedAt = Date.now();
    const [directory, version] = await Promise.all([entry.directory, currentVersion(db)]);
    if (directory.version === version) return directory;
  }
  const loading = loadDirectory(db);
  const next: Held = { directory: loading, checkedAt: Date.now(), stale: false };
  held.set(db, next);
  loading.catch(() => {
    if (held.get(db) === next) held.delete(db);
  });
  return loading;
}
