import { DateTime } from 'luxon';

/**
 * Time arithmetic of the finder, in whole epoch minutes (UTC). Meetings store a local weekday, a local
 * 'HH:MM' and an IANA zone; the UTC moment of "Monday 19:00 in New York" depends on the date (DST), so
 * nothing UTC is stored. Instead a query window (a UTC interval) is turned, for each zone present in
 * the directory, into local (weekday, from-time, to-time) pieces with the zone's offset constant over
 * each piece. A meeting matches a piece when its zone, day and time fall in it (indexable equality and
 * range tests on `day`/`time`), and its start instant is then `base + minute of day`, exact for that
 * date. DST transitions split a piece: a fall-back hour's times match the first occurrence (as luxon
 * reads them); a time in a spring-forward gap does not exist on that date and does not match then.
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
    const localStart = cursor + offset;
    const localEnd = segmentEnd + offset;
    for (let day = floorDiv(localStart, MINUTES_A_DAY); day * MINUTES_A_DAY < localEnd; day += 1) {
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

/** 'HH:MM' → minutes after midnight. */
export const minuteOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** How long a meeting lasts, in minutes (end before start: it ends the next day; no end: the default). */
export function durationMinutes(time: string, endTime: string | null): number {
  if (endTime === null) return DEFAULT_DURATION_MINUTES;
  const d = (minuteOfDay(endTime) - minuteOfDay(time) + MINUTES_A_DAY) % MINUTES_A_DAY;
  return d === 0 ? DEFAULT_DURATION_MINUTES : d;
}

/** The occurrence of a weekly meeting whose start is nearest `approxMinute` (exact local time in its zone). */
export function occurrenceNear(zone: string, day: number, time: string, approxMinute: number): DateTime {
  const approx = DateTime.fromMillis(approxMinute * 60_000, { zone });
  const [hour, minute] = [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
  let best: DateTime | null = null;
  for (const shift of [-1, 0, 1]) {
    const date = approx.plus({ days: shift });
    if (date.weekday % 7 !== day) continue;
    const candidate = date.set({ hour, minute, second: 0, millisecond: 0 });
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
    const start = date.set({ hour, minute });
    if (start.plus({ minutes: duration }) > from) return start;
  }
  return local.plus({ days: 7 });
}
