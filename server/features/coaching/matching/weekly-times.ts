import { DateTime, IANAZone } from 'luxon';
import type { WeeklySlot } from '../../../../shared/contracts/coaching-base.ts';

/**
 * Weekly slots ("Monday 18:00–20:00" in a stated zone) turned into absolute minutes, so a member in
 * America/Los_Angeles and a coach in Europe/London are compared on one clock.
 *
 * Weekly wall times only become instants in a particular week (offsets move with daylight saving,
 * and not on the same dates everywhere), so matching reads them in one reference week: by default
 * the coming week (the seven days from the Monday on or after today, UTC), or the week of
 * `referenceDate` when one is given (tests use a fixed one). The member's slots are read in that
 * week; the coach's availability in that week and the weeks either side of it, so a window that
 * crosses Sunday midnight in one zone but not the other still meets its partner (a Sunday-night slot
 * in Honolulu is a Monday morning in London).
 */

const MINUTE_MS = 60_000;
/** Days around the reference Monday whose local midnights are needed: the week before to the week after, plus 24:00 ends. */
const FIRST_DAY = -7;
const LAST_DAY = 15;

/** Reference weeks already worked out, with their zones' midnights: scoring one pair at a time stays cheap. */
const WEEKS = new Map<string, ReferenceWeek>();
const KEPT_WEEKS = 4;

export interface ReferenceWeek {
  /** The reference Monday, `YYYY-MM-DD`. */
  monday: string;
  dates: { year: number; month: number; day: number }[];
  zones: Map<string, ZoneDays>;
}

/** Local midnights of each day around the reference week in one zone, in minutes since the epoch. */
interface ZoneDays {
  zone: string;
  start: Float64Array;
  /** 1 when the day has one offset from midnight to midnight, so wall minutes add up plainly. */
  plain: Uint8Array;
  /** Wall times already resolved on the other days (day index × 1440 + minute → instant). */
  resolved: Map<number, number>;
}

/** The week to read weekly slots in: the one holding `referenceDate` (any day of it), else the coming week. */
export function referenceWeek(referenceDate?: string): ReferenceWeek {
  let monday: DateTime;
  if (referenceDate === undefined) {
    const today = DateTime.utc().startOf('day');
    monday = today.plus({ days: (8 - today.weekday) % 7 });
  } else {
    const date = DateTime.fromISO(referenceDate, { zone: 'utc' });
    if (!date.isValid) throw new RangeError(`referenceDate must be a date such as 2026-01-05, not "${referenceDate}"`);
    monday = date.startOf('day').minus({ days: date.weekday - 1 });
  }
  const key = monday.toISODate() ?? '';
  const cached = WEEKS.get(key);
  if (cached) return cached;
  const dates = [];
  for (let offset = FIRST_DAY; offset <= LAST_DAY + 1; offset++) {
    const { year, month, day } = monday.plus({ days: offset });
    dates.push({ year, month, day });
  }
  const week = { monday: key, dates, zones: new Map() };
  WEEKS.set(key, week);
  // A few weeks are plenty (this one, the next, a test's fixed one); the oldest goes first.
  for (const old of WEEKS.keys()) {
    if (WEEKS.size <= KEPT_WEEKS) break;
    WEEKS.delete(old);
  }
  return week;
}

function zoneDays(week: ReferenceWeek, requested: string): ZoneDays {
  const cached = week.zones.get(requested);
  if (cached) return cached;
  // Stored zones were validated on the way in; one the zone database no longer knows is read as UTC rather than failing a whole matching run.
  const zone = IANAZone.isValidZone(requested) ? requested : 'UTC';
  const count = week.dates.length;
  const midnights = week.dates.map((date) => DateTime.fromObject(date, { zone }));
  const start = new Float64Array(count);
  const plain = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const midnight = midnights[i] as DateTime;
    start[i] = Math.round(midnight.toMillis() / MINUTE_MS);
    const next = midnights[i + 1];
    // A day whose midnight exists and whose offset holds until the next one; otherwise luxon resolves each wall time.
    plain[i] = next && midnight.hour === 0 && midnight.minute === 0 && midnight.offset === next.offset ? 1 : 0;
  }
  const days = { zone, start, plain, resolved: new Map() };
  week.zones.set(requested, days);
  return days;
}

function clockMinutes(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** The instant (minutes since the epoch) of a wall time `minute` after midnight on day `day` (0 = the reference Monday). */
function instant(week: ReferenceWeek, days: ZoneDays, day: number, minute: number): number {
  let index = day - FIRST_DAY;
  let wall = minute;
  if (wall >= 1440) {
    index += 1;
    wall -= 1440;
  }
  if (days.plain[index] === 1) return (days.start[index] as number) + wall;
  // Daylight saving changes this day: a wall time in the spring gap moves forward, as luxon does.
  const key = index * 1440 + wall;
  let resolved = days.resolved.get(key);
  if (resolved === undefined) {
    const local = DateTime.fromObject({ ...week.dates[index], hour: Math.floor(wall / 60), minute: wall % 60 }, { zone: days.zone });
    resolved = Math.round(local.toMillis() / MINUTE_MS);
    days.resolved.set(key, resolved);
  }
  return resolved;
}

/**
 * Sorted, disjoint [start, end) pairs (flat) of absolute minutes for `slots` read in `zone` in the weeks
 * `weeks` (offsets from the reference week: [0] for a member, [-1, 0, 1] for a coach).
 */
export function weeklyIntervals(week: ReferenceWeek, zone: string, slots: readonly WeeklySlot[], weeks: readonly number[]): Float64Array {
  const days = zoneDays(week, zone);
  const raw: [number, number][] = [];
  for (const shift of weeks) {
    for (const slot of slots) {
      const day = shift * 7 + slot.day - 1;
      const start = instant(week, days, day, clockMinutes(slot.start));
      const end = instant(week, days, day, clockMinutes(slot.end));
      if (end > start) raw.push([start, end]);
    }
  }
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: number[] = [];
  for (const [start, end] of raw) {
    const last = merged.length - 1;
    if (last > 0 && start <= (merged[last] as number)) merged[last] = Math.max(merged[last] as number, end);
    else merged.push(start, end);
  }
  return Float64Array.from(merged);
}

/** Minutes two sets of intervals (from `weeklyIntervals`) share, counted up to `cap` (no need to count further). */
export function overlapMinutes(a: Float64Array, b: Float64Array, cap: number): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const aEnd = a[i + 1] as number;
    const bEnd = b[j + 1] as number;
    const shared = Math.min(aEnd, bEnd) - Math.max(a[i] as number, b[j] as number);
    if (shared > 0) {
      total += shared;
      if (total >= cap) return total;
    }
    if (aEnd < bEnd) i += 2;
    else j += 2;
  }
  return total;
}
