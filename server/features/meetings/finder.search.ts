import {
  cellKey,
  type Directory,
  type DirectoryMeeting,
  GRID_COLUMNS,
  GRID_DEGREES,
  LONG_MINUTES,
  lowerBound,
  type ZoneShelf,
} from './directory.ts';
import { MINUTES_A_WEEK, memo, minuteOfDay, occurrenceNear, windowPieces } from './meetings.window.ts';

/**
 * How the finder walks the in-memory directory without looking at every meeting:
 * - by start: each zone's meetings are sorted by local minute of the week, and a UTC interval becomes
 *   that zone's local pieces in time order (meetings.window.ts), so a zone yields its starts in order
 *   and stops once it has given a page's worth;
 * - by distance: grid cells in rings around the point, nearest ring first, stopping once no unseen
 *   cell can hold anything nearer than the page's last meeting.
 */

/** A meeting that matched, with the start it matched by (`k`, epoch minute; null by appointment or not yet known). */
export interface Hit {
  meeting: DirectoryMeeting;
  k: number | null;
  dist: number | null;
}

/** The UTC interval (epoch minutes) to look in, given how far back a zone's longest meeting reaches. */
export type IntervalOf = (longest: number) => [number, number] | null;

interface Range {
  /** Local minutes of the week, inclusive. */
  lo: number;
  hi: number;
  /** Epoch minute of the local midnight starting the piece's day, minus that day's minute of the week. */
  shift: number;
}

const rangesMemo = memo<readonly Range[]>(2_000);

function rangesOf(zone: string, interval: [number, number] | null): readonly Range[] {
  if (!interval || interval[0] >= interval[1]) return [];
  const [start, end] = interval;
  return rangesMemo(`${zone}|${start}|${end}`, () => cutRanges(zone, start, end));
}

function cutRanges(zone: string, start: number, end: number): Range[] {
  return windowPieces(zone, start, end).map((piece) => {
    const dayStart = piece.day * 1440;
    return { lo: dayStart + minuteOfDay(piece.from), hi: dayStart + minuteOfDay(piece.to), shift: piece.base - dayStart };
  });
}

const longestOf = (zone: ZoneShelf) => zone.long.reduce((max, m) => Math.max(max, m.duration), 0);

/**
 * Each zone's starts within its interval, in time order, offered to `accept` until it has taken
 * `limit` from that zone; long meetings over their own longer interval. Returns every taken hit.
 */
export function startsInOrder(
  directory: Directory,
  intervalOf: IntervalOf,
  accept: (meeting: DirectoryMeeting, k: number) => Hit | null,
  limit: number,
): Hit[] {
  const hits: Hit[] = [];
  for (const zone of directory.zones) {
    const taken = new Set<string>();
    let count = 0;
    const interval = intervalOf(zone.longest);
    pieces: for (const range of rangesOf(zone.timezone, interval)) {
      for (let i = lowerBound(zone.weekMinutes, range.lo); i < zone.meetings.length; i += 1) {
        const meeting = zone.meetings[i] as DirectoryMeeting;
        if (meeting.weekMinute > range.hi) break;
        const hit = accept(meeting, range.shift + meeting.weekMinute);
        if (!hit) continue;
        hits.push(hit);
        if (meeting.duration > LONG_MINUTES) taken.add(meeting.id);
        count += 1;
        if (count >= limit) break pieces;
      }
    }
    if (zone.long.length === 0) continue;
    const longer = intervalOf(longestOf(zone));
    if (!longer || (interval && longer[0] === interval[0] && longer[1] === interval[1])) continue;
    for (const range of rangesOf(zone.timezone, longer)) {
      for (const meeting of zone.long) {
        if (taken.has(meeting.id) || meeting.weekMinute < range.lo || meeting.weekMinute > range.hi) continue;
        const hit = accept(meeting, range.shift + meeting.weekMinute);
        if (!hit) continue;
        taken.add(meeting.id);
        hits.push(hit);
      }
    }
  }
  return hits;
}

/** How many starts fall within the interval (binary searches only): the cost of reading by start. */
export function countStarts(directory: Directory, intervalOf: IntervalOf): number {
  let count = 0;
  for (const zone of directory.zones) {
    for (const range of rangesOf(zone.timezone, intervalOf(zone.longest))) {
      count += lowerBound(zone.weekMinutes, range.hi + 1) - lowerBound(zone.weekMinutes, range.lo);
    }
    count += zone.long.length;
  }
  return count;
}

/**
 * A test of one meeting against the interval, giving its first start there that `ok` accepts (or
 * null): for reading by distance or from a filter's list. Each zone's ranges are worked out the first
 * time a meeting of that zone is asked about.
 */
export function startMatcher(
  directory: Directory,
  intervalOf: IntervalOf,
  ok: (meeting: DirectoryMeeting, k: number) => boolean,
): (meeting: DirectoryMeeting) => number | null {
  const zones = new Map<string, { ranges: readonly Range[]; longRanges: readonly Range[] }>();
  const shelves = new Map(directory.zones.map((zone) => [zone.timezone, zone]));
  const find = (ranges: readonly Range[], meeting: DirectoryMeeting) =>
    ranges.find((r) => meeting.weekMinute >= r.lo && meeting.weekMinute <= r.hi && ok(meeting, r.shift + meeting.weekMinute));
  return (meeting) => {
    if (meeting.weekMinute < 0) return null;
    let entry = zones.get(meeting.timezone);
    if (!entry) {
      const shelf = shelves.get(meeting.timezone);
      const longest = shelf?.longest ?? 60;
      entry = {
        ranges: rangesOf(meeting.timezone, intervalOf(longest)),
        longRanges: shelf && shelf.long.length > 0 ? rangesOf(meeting.timezone, intervalOf(longestOf(shelf))) : [],
      };
      zones.set(meeting.timezone, entry);
    }
    const range = find(entry.ranges, meeting) ?? (meeting.duration > LONG_MINUTES ? find(entry.longRanges, meeting) : undefined);
    return range ? range.shift + meeting.weekMinute : null;
  };
}

export interface Near {
  lat: number;
  lng: number;
  radius: number;
}

const EARTH_KM = 6371.0088;
const KM_PER_DEGREE = 111.32;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

export function distanceKm(near: Near, meeting: DirectoryMeeting): number | null {
  if (meeting.latitude === null || meeting.longitude === null) return null;
  const dLat = radians(meeting.latitude - near.lat);
  const dLng = radians(meeting.longitude - near.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(near.lat)) * Math.cos(radians(meeting.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const compareByDistance = (a: Hit, b: Hit) =>
  (a.dist as number) - (b.dist as number) || (a.meeting.id < b.meeting.id ? -1 : a.meeting.id > b.meeting.id ? 1 : 0);

/**
 * The `limit` nearest accepted meetings within the radius, nearest first. `accept` gets meetings with
 * their distance already within the radius. Far-reaching searches (many cells for few meetings) read
 * every located meeting instead, which is cheaper than visiting empty cells.
 */
export function nearest(
  directory: Directory,
  near: Near,
  accept: (meeting: DirectoryMeeting, dist: number) => Hit | null,
  limit: number,
): Hit[] {
  const hits: Hit[] = [];
  const offer = (meeting: DirectoryMeeting) => {
    const dist = distanceKm(near, meeting);
    if (dist === null || dist > near.radius) return;
    const hit = accept(meeting, dist);
    if (hit) hits.push(hit);
  };
  const cellKm = GRID_DEGREES * KM_PER_DEGREE;
  const farthestLatitude = Math.min(89.9, Math.abs(near.lat) + near.radius / KM_PER_DEGREE);
  // The narrowest a cell gets within reach: what one ring is worth in kilometres at least.
  const ringKm = cellKm * Math.cos(radians(farthestLatitude));
  const rings = Math.ceil(near.radius / ringKm) + 1;
  if ((2 * rings + 1) ** 2 > directory.located.length) {
    for (const meeting of directory.located) offer(meeting);
    return hits.sort(compareByDistance).slice(0, limit);
  }
  const row0 = Math.floor((near.lat + 90) / GRID_DEGREES);
  const column0 = Math.floor((near.lng + 180) / GRID_DEGREES);
  const visit = (row: number, column: number) => {
    const cell = directory.grid.get(cellKey(row, ((column % GRID_COLUMNS) + GRID_COLUMNS) % GRID_COLUMNS));
    if (cell) for (const meeting of cell) offer(meeting);
  };
  for (let ring = 0; ring <= rings; ring += 1) {
    if (ring === 0) visit(row0, column0);
    else {
      for (let c = column0 - ring; c <= column0 + ring; c += 1) {
        visit(row0 - ring, c);
        visit(row0 + ring, c);
      }
      for (let r = row0 - ring + 1; r <= row0 + ring - 1; r += 1) {
        visit(r, column0 - ring);
        visit(r, column0 + ring);
      }
    }
    // Every unseen cell is at least `ring` whole cells away.
    if (hits.length >= limit) {
      hits.sort(compareByDistance);
      hits.length = limit;
      // (1% to spare: a great circle runs a little inside the cells' edges far from the equator.)
      if ((hits[limit - 1]?.dist as number) <= ring * ringKm * 0.99) break;
    }
  }
  return hits.sort(compareByDistance).slice(0, limit);
}

/** A start a week after one still in progress is not the next one: that one is listed instead. */
export function isCurrentOrNext(meeting: DirectoryMeeting, k: number, nowMinute: number): boolean {
  // Only starts near the end of the week can have a predecessor still going (allowing an hour of DST).
  if (k - MINUTES_A_WEEK + meeting.duration + 60 <= nowMinute) return true;
  const previous = occurrenceNear(meeting.timezone, meeting.day as number, meeting.time as string, k - MINUTES_A_WEEK);
  return Math.floor(previous.toMillis() / 60_000) + meeting.duration <= nowMinute;
}
