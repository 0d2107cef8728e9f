import { DateTime } from 'luxon';
import {
  MEETING_FINDER_LIMITS,
  type MeetingFinderQuery,
  type MeetingList,
  type MeetingListItem,
} from '../../../shared/contracts/meetings.ts';
import type { Db } from '../../db/client.ts';
import { badRequest } from '../../lib/app-error.ts';
import { type Directory, type DirectoryMeeting, directoryOf, searchFold } from './directory.ts';
import { canonicalTypeCode } from './feed/type-codes.ts';
import { canonicalTimeZone } from './feed/values.ts';
import {
  compareByDistance,
  countStarts,
  distanceKm,
  type Hit,
  type IntervalOf,
  isCurrentOrNext,
  type Near,
  nearest,
  startMatcher,
  startsInOrder,
} from './finder.search.ts';
import { MINUTES_A_WEEK, offsetAt } from './meetings.window.ts';

/**
 * The public finder, over the in-memory directory (directory.ts). "Starts within a window" becomes, per
 * zone, local (day, from, to) pieces (meetings.window.ts) looked up by binary search in the zone's
 * meetings sorted by minute of the week; "near" reads the grid cells around the point. Ordering: by
 * distance when `near` is given, else by the start; ties by id. The cursor carries the last (key, id).
 */

const SOON_MINUTES = 60;

function badInput(path: string, message: string): never {
  throw badRequest(message, [{ path, message }]);
}

const validZone = (zone: string): string => canonicalTimeZone(zone) ?? badInput('tz', 'Unknown time zone');

function parseNear(near: string): { lat: number; lng: number } {
  const match = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(near);
  const lat = Number(match?.[1]);
  const lng = Number(match?.[2]);
  if (!match || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) badInput('near', 'Expected "latitude,longitude"');
  return { lat, lng };
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

type Filter = (meeting: DirectoryMeeting) => boolean;

function filterOf(query: MeetingFinderQuery): Filter {
  const tests: Filter[] = [];
  if (query.mode && query.mode.length > 0) {
    const modes = new Set<string>(query.mode);
    tests.push((m) => modes.has(m.attendanceMode));
  }
  const required = [
    ...(query.types ?? []).map((code) => canonicalTypeCode(code) ?? badInput('types', `Unknown type code "${code.slice(0, 10)}"`)),
    ...(query.access ?? []),
  ];
  if (required.length > 0) tests.push((m) => required.every((code) => m.types.includes(code)));
  // Every word somewhere in the name or the group ("hope tues" finds "Tuesday Night Hope").
  const words = query.q ? searchFold(query.q).split(/\s+/).filter(Boolean) : [];
  if (words.length > 0) tests.push((m) => words.every((word) => m.searchText.includes(word)));
  const { language, fellowship } = query;
  if (language) tests.push((m) => m.languages.includes(language));
  if (fellowship) tests.push((m) => m.fellowship === fellowship);
  return (meeting) => tests.every((test) => test(meeting));
}

/** A rare filter's list or a window this small is read whole rather than by the grid. */
const FEW = 4000;

/** The shortest list of meetings a filter of the query limits to (null: no filter with a list). */
function rarestList(directory: Directory, query: MeetingFinderQuery): DirectoryMeeting[] | null {
  const keys: string[] = [];
  for (const code of [...(query.types ?? []), ...(query.access ?? [])]) keys.push(`type:${canonicalTypeCode(code) ?? code}`);
  if (query.language) keys.push(`language:${query.language}`);
  if (query.fellowship) keys.push(`fellowship:${query.fellowship}`);
  if (query.mode?.length === 1) keys.push(`mode:${query.mode[0]}`);
  let rarest: DirectoryMeeting[] | null = null;
  for (const key of keys) {
    const list = directory.postings.get(key) ?? [];
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  return rarest;
}

/** The first `limit` of the found hits in order. */
const keepSorted = (hits: (Hit | null)[], compare: (a: Hit, b: Hit) => number, limit: number) =>
  hits
    .filter((hit): hit is Hit => hit !== null)
    .sort(compare)
    .slice(0, limit);

const compareByStart = (a: Hit, b: Hit) => {
  if (a.k !== b.k) return a.k === null ? 1 : b.k === null ? -1 : a.k - b.k;
  return a.meeting.id < b.meeting.id ? -1 : a.meeting.id > b.meeting.id ? 1 : 0;
};

/** After the cursor, in the page's order (by distance or by start; nulls last, then by id). */
function afterCursor(cursor: Cursor | null): (meeting: DirectoryMeeting, key: number | null) => boolean {
  if (!cursor) return () => true;
  return (meeting, key) => {
    if (cursor.k === null) return key === null && meeting.id > cursor.id;
    return key === null || key > cursor.k || (key === cursor.k && meeting.id > cursor.id);
  };
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
  const matches = filterOf(query);
  let near: Near | null = null;
  if (query.near) near = { ...parseNear(query.near), radius: query.radiusKm ?? MEETING_FINDER_LIMITS.radiusKmDefault };
  else if (query.radiusKm !== undefined) badInput('radiusKm', 'radiusKm needs near');
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const after = afterCursor(cursor);
  const directory = await directoryOf(db);
  const { when } = query;
  const intervalOf: IntervalOf | null = when === undefined ? null : (longest) => intervalFor(query, now, viewerZone, longest);

  // A meeting's start that counts: within the window (and still going on, for "now"); any time: its
  // current or next start over the coming week.
  const anyTime = when === undefined;
  const window: IntervalOf = intervalOf ?? ((longest) => [nowMinute - longest + 1, nowMinute + MINUTES_A_WEEK]);
  const startOk = (meeting: DirectoryMeeting, k: number) =>
    when === 'now'
      ? k + meeting.duration > nowMinute
      : anyTime
        ? k + meeting.duration > nowMinute && isCurrentOrNext(meeting, k, nowMinute)
        : true;
  const rare = rarestList(directory, query);
  let hits: Hit[];
  if (near) {
    // Nearest first, read from whichever is smallest: a rare filter's list, the window's starts, or the
    // grid around the point. Any time: the next start is worked out for the page only.
    const startOf = anyTime ? () => null : startMatcher(directory, window, startOk);
    const accept = (meeting: DirectoryMeeting, dist: number): Hit | null => {
      if (!matches(meeting) || !after(meeting, dist)) return null;
      const k = startOf(meeting);
      return anyTime || k !== null ? { meeting, k, dist } : null;
    };
    const within = (meeting: DirectoryMeeting) => {
      const dist = distanceKm(near as Near, meeting);
      return dist !== null && dist <= (near as Near).radius ? accept(meeting, dist) : null;
    };
    if (rare && rare.length <= FEW) hits = keepSorted(rare.map(within), compareByDistance, limit + 1);
    else if (!anyTime && countStarts(directory, window) <= FEW)
      hits = keepSorted(
        startsInOrder(directory, window, (meeting, k) => (startOk(meeting, k) ? within(meeting) : null), Number.POSITIVE_INFINITY),
        compareByDistance,
        limit + 1,
      );
    else hits = nearest(directory, near, accept, limit + 1);
    if (anyTime) {
      const nextStart = startMatcher(directory, window, startOk);
      hits = hits.map((hit) => ({ ...hit, k: nextStart(hit.meeting) }));
    }
  } else {
    // By start. Read each zone's starts in order, a page's worth at most; or a rare filter's list.
    if (rare && rare.length * 8 < countStarts(directory, window)) {
      const startOf = startMatcher(directory, window, (meeting, k) => startOk(meeting, k) && after(meeting, k));
      hits = keepSorted(
        rare.map((meeting) => {
          const k = matches(meeting) ? startOf(meeting) : null;
          return k === null ? null : { meeting, k, dist: null };
        }),
        compareByStart,
        limit + 1,
      );
    } else {
      // A later page starts looking at the cursor's start.
      const from = cursor?.k ?? Number.NEGATIVE_INFINITY;
      const clipped: IntervalOf = (longest) => {
        const interval = window(longest);
        return interval && cursor?.k !== null ? [Math.max(interval[0], from), interval[1]] : null;
      };
      const accept = (meeting: DirectoryMeeting, k: number): Hit | null =>
        matches(meeting) && startOk(meeting, k) && after(meeting, k) ? { meeting, k, dist: null } : null;
      hits = keepSorted(startsInOrder(directory, clipped, accept, limit + 1), compareByStart, limit + 1);
    }
    if (anyTime && hits.length <= limit) {
      for (const meeting of directory.appointments) {
        if (hits.length > limit) break;
        if (matches(meeting) && after(meeting, null)) hits.push({ meeting, k: null, dist: null });
      }
    }
  }

  const page = hits.slice(0, limit);
  const last = page.at(-1);
  const lastKey = last ? (near ? last.dist : last.k) : null;
  return {
    items: page.map((hit) => present(hit, nowMinute, viewerZone)),
    nextCursor: hits.length > limit && last ? encodeCursor({ k: lastKey, id: last.meeting.id }) : null,
  };
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A hit as the list shows it. `k` is the start's exact epoch minute (each window piece has one UTC
 * offset), so only the viewer's offset is looked up.
 */
function present(hit: Hit, nowMinute: number, viewerZone: string): MeetingListItem {
  const { meeting: m, k } = hit;
  const minutes = k === null ? null : k - nowMinute;
  let startsLocal: MeetingListItem['startsLocal'] = null;
  if (k !== null) {
    const local = k + offsetAt(viewerZone, k);
    const minuteOfDay = ((local % 1440) + 1440) % 1440;
    // 1970-01-01 was a Thursday (4).
    startsLocal = {
      time: `${twoDigits(Math.floor(minuteOfDay / 60))}:${twoDigits(minuteOfDay % 60)}`,
      weekday: (((Math.floor(local / 1440) + 4) % 7) + 7) % 7,
    };
  }
  return {
    id: m.id,
    slug: m.slug,
    name: m.name,
    types: m.types,
    customTypes: m.customTypes,
    languages: m.languages,
    attendanceMode: m.attendanceMode,
    location: m.location,
    formattedAddress: m.formattedAddress,
    latitude: m.latitude,
    longitude: m.longitude,
    regions: m.regions,
    fellowship: m.fellowship,
    hasConferenceUrl: m.hasConferenceUrl,
    hasConferencePhone: m.hasConferencePhone,
    distanceKm: hit.dist === null ? null : Math.round(hit.dist * 100) / 100,
    day: m.day,
    time: m.time,
    endTime: m.endTime,
    timezone: m.timezone,
    nextStart: k === null ? null : new Date(k * 60_000).toISOString().replace('.000Z', 'Z'),
    startsLocal,
    status:
      minutes === null
        ? null
        : minutes <= 0 && minutes + m.duration > 0
          ? 'in_progress'
          : minutes > 0 && minutes <= SOON_MINUTES
            ? 'starting_soon'
            : 'later',
    minutesUntilStart: minutes,
  };
}

/** A writer of meetings in this process: the finder's next read reloads the directory. */
export { directoryChanged as forgetMeetingZones } from './directory.ts';
