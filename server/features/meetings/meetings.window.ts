import { DateTime } from 'luxon';

/**
 * Time arithmetic of the finder, in whole epoch minutes (UTC). Meetings store a local weekday, a local
 * 'HH:MM' and an IANA zone; the UTC moment of "Monday 19:00 in New York" depends on the date (DST), so
 * nothing UTC is stored. Instead a query window (a UTC interval) is turned, for each zone present in
 * the directory, into local (weekday, from-time, to-time) pieces with the zone's offset constant over
 * each piece. A meeting matches a piece when its zone, day and time fall in it (indexable equality and
 * range tests on `day`/`time`), and its start instant is then `base + minute of day`, exact for that
 * date. DST transitions split a piece: a fall-back hour's times match the first occurrence only (as
 * luxon reads them), so the repeated hour is not covered twice; a time in a spring-forward gap does not
 * exist on that date and does not match then.
 */

export interface WindowPiece {
  zone: string;
  day: number;
  /** Inclusive 'HH:MM' bounds in the zone. */
  from: string;
  to: string;
  /** Epoch minute (UTC) of local midnight of that date under the piece's offset. */
  base: number;
}

const MINUTES_A_DAY = 1440;
export const MINUTES_A_WEEK = 7 * MINUTES_A_DAY;
/** A meeting without an end time lasts this long (for "in progress" and calendar files). */
export const DEFAULT_DURATION_MINUTES = 60;

/**
 * Bounded memo tables: the finder asks the same questions of the same zones all minute long (every
 * request in a minute cuts the same windows), and luxon's offset lookup through Intl is its costliest step.
 */
export function memo<T>(limit: number): (key: string, compute: () => T) => T {
  const table = new Map<string, T>();
  return (key, compute) => {
    const found = table.get(key);
    if (found !== undefined) return found;
    const value = compute();
    if (table.size >= limit) table.clear();
    table.set(key, value);
    return value;
  };
}

const offsets = memo<number>(20_000);
/** The zone's UTC offset, in minutes, at an epoch minute. */
export const offsetAt = (zone: string, minute: number) =>
  offsets(`${zone}|${minute}`, () => DateTime.fromMillis(minute * 60_000, { zone }).offset);
const hhmm = (minuteOfDay: number) =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
const floorDiv = (a: number, b: number) => Math.floor(a / b);

const piecesOf = memo<readonly WindowPiece[]>(2_000);

/** The pieces of the UTC interval [start, end) (epoch minutes) in `zone` (shared: do not change them). */
export function windowPieces(zone: string, start: number, end: number): readonly WindowPiece[] {
  return piecesOf(`${zone}|${start}|${end}`, () => cutWindow(zone, start, end));
}

function cutWindow(zone: string, start: number, end: number): WindowPiece[] {
  const pieces: WindowPiece[] = [];
  let cursor = start;
  while (cursor < end) {
    const offset = offsetAt(zone, cursor);
    // The first minute with another offset, if any (binary search; offsets change at most a few times a week).
    let segmentEnd = end;
    if (offsetAt(zone, end - 1) !== offset || offsetAt(zone, floorDiv(cursor + end, 2)) !== offset) {
      let lo = cursor;
      let hi = end;
      // Find some minute with a different offset first (scan by 6 h), then narrow down.
      for (let m = cursor; m < end; m += 360) {
        if (offsetAt(zone, m) !== offset) {
          hi = m;
          break;
        }
      }
      if (hi === end && offsetAt(zone, end - 1) !== offset) hi = end - 1;
      while (hi - lo > 1) {
        const mid = floorDiv(lo + hi, 2);
        if (offsetAt(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      segmentEnd = hi;
    }
    // After clocks go back, the repeated local times were the first occurrence's (a meeting at 01:00 on
    // that date starts once, at the earlier instant, as luxon reads it): they do not match again.
    const localStart = Math.max(cursor, repeatedUntil(zone, cursor, offset)) + offset;
    const localEnd = segmentEnd + offset;
    for (let day = floorDiv(localStart, MINUTES_A_DAY); localStart < localEnd && day * MINUTES_A_DAY < localEnd; day += 1) {
      const dayStart = day * MINUTES_A_DAY;
      const from = Math.max(localStart, dayStart) - dayStart;
      const to = Math.min(localEnd, dayStart + MINUTES_A_DAY) - 1 - dayStart;
      // 1970-01-01 was a Thursday (4).
      pieces.push({ zone, day: (((day + 4) % 7) + 7) % 7, from: hhmm(from), to: hhmm(to), base: dayStart - offset });
    }
    cursor = segmentEnd;
  }
  return pieces;
}

/** How far back a fall-back change is looked for: no zone sets its clocks back by more. */
const LONGEST_FALL_BACK = 180;

/**
 * The epoch minute until which the local times of `minute` (at `offset`) repeat times already passed
 * under a larger offset, i.e. a fall-back change less than LONGEST_FALL_BACK minutes earlier; or
 * `minute` when there is none.
 */
function repeatedUntil(zone: string, minute: number, offset: number): number {
  const before = offsetAt(zone, minute - LONGEST_FALL_BACK);
  if (before <= offset) return minute;
  // The change: the last minute at the larger offset is followed by the first at this one.
  let lo = minute - LONGEST_FALL_BACK;
  let hi = minute;
  while (hi - lo > 1) {
    const mid = floorDiv(lo + hi, 2);
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  // Local time hi + offset … hi + before − 1 happened already at the larger offset.
  return hi + (before - offset);
}

/** 'HH:MM' → minutes after midnight. */
export const minuteOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** How long a meeting lasts, in minutes (end before start: it ends the next day; no end: the default). */
export function durationMinutes(time: string, endTime: string | null): number {
  if (endTime === null) return DEFAULT_DURATION_MINUTES;
  const d = (minuteOfDay(endTime) - minuteOfDay(time) + MINUTES_A_DAY) % MINUTES_A_DAY;
  return d === 0 ? DEFAULT_DURATION_MINUTES : d;
}

/**
 * hour:minute on the date of `date`, in `zone`. A time the clocks pass twice (fall-back) is its first
 * occurrence, as the window pieces read it: luxon alone picks by the offset `date` has, or by today's.
 * A time in a spring-forward gap is luxon's (moved forward).
 */
function localAt(date: DateTime, hour: number, minute: number, zone: string): DateTime {
  const read = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone });
  const wall = Math.floor(read.toMillis() / 60_000) + read.offset;
  let first: number | null = null;
  for (const probe of [-LONGEST_FALL_BACK, 0, LONGEST_FALL_BACK]) {
    const offset = offsetAt(zone, wall - read.offset + probe);
    const instant = wall - offset;
    if (offsetAt(zone, instant) === offset && (first === null || instant < first)) first = instant;
  }
  return first === null ? read : DateTime.fromMillis(first * 60_000, { zone });
}

/** The occurrence of a weekly meeting whose start is nearest `approxMinute` (exact local time in its zone). */
export function occurrenceNear(zone: string, day: number, time: string, approxMinute: number): DateTime {
  const approx = DateTime.fromMillis(approxMinute * 60_000, { zone });
  const [hour, minute] = [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
  let best: DateTime | null = null;
  for (const shift of [-1, 0, 1]) {
    const date = approx.plus({ days: shift });
    if (date.weekday % 7 !== day) continue;
    const candidate = localAt(date, hour, minute, zone);
    if (!best || Math.abs(candidate.toMillis() - approx.toMillis()) < Math.abs(best.toMillis() - approx.toMillis())) best = candidate;
  }
  return best ?? approx;
}

/** The next start at or after `from` (or the current one if it is still in progress). */
export function nextOccurrence(zone: string, day: number, time: string, endTime: string | null, from: DateTime): DateTime {
  const duration = durationMinutes(time, endTime);
  const local = from.setZone(zone);
  const [hour, minute] = [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
  for (let shift = -1; shift <= 7; shift += 1) {
    const date = local.startOf('day').plus({ days: shift });
    if (date.weekday % 7 !== day) continue;
    const start = localAt(date, hour, minute, zone);
    if (start.plus({ minutes: duration }) > from) return start;
  }
  return local.plus({ days: 7 });
}
