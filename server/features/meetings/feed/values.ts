import { DateTime } from 'luxon';
import { FEED_LIMITS, type FeedFixCode } from '../../../../shared/contracts/meetings-feed.ts';

/**
 * Parsers for single Meeting Guide values. Each returns the value in the normalized form plus the
 * fixes it took, or a failure the caller turns into a rejection or a dropped field.
 */
export type Parsed<T> = { ok: true; value: T; fixes: FeedFixCode[] } | { ok: false; shown: string };

const ok = <T>(value: T, ...fixes: FeedFixCode[]): Parsed<T> => ({ ok: true, value, fixes });

/** How a bad value is quoted in a rejection reason: short, one line. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const DAY_NAMES = new Map<string, number>(
  Object.entries({
    sunday: 0,
    sun: 0,
    monday: 1,
    mon: 1,
    tuesday: 2,
    tue: 2,
    tues: 2,
    wednesday: 3,
    wed: 3,
    thursday: 4,
    thu: 4,
    thur: 4,
    thurs: 4,
    friday: 5,
    fri: 5,
    saturday: 6,
    sat: 6,
  }),
);

/** One day: 0–6 (Sunday = 0), as a number, a numeric string, an English name, or ISO 7 for Sunday. */
export function parseDay(raw: unknown): Parsed<number> {
  let fixes: FeedFixCode[] = [];
  let value: unknown = raw;
  if (typeof value === 'string') {
    const text = value.trim();
    const named = DAY_NAMES.get(text.toLowerCase().replace(/\.$/, ''));
    if (named !== undefined) return ok(named, 'day_name');
    if (!/^\d+$/.test(text)) return { ok: false, shown: shown(raw) };
    value = Number(text);
    fixes = ['number_as_string'];
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 7) return { ok: false, shown: shown(raw) };
  if (value === 7) return ok(0, ...fixes, 'day_7_as_sunday');
  return ok(value + 0, ...fixes);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A clock time as "HH:MM": "19:00", "7:00", "19:00:00", "1900", "11:00 AM", "7pm", "7 p.m.", "noon",
 * "midnight". "24:00" (an end of day) becomes "00:00".
 */
export function parseTime(raw: unknown): Parsed<string> {
  let fixes: FeedFixCode[] = [];
  let text: string;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) {
    text = String(raw);
    fixes = ['number_as_string'];
  } else if (typeof raw === 'string') {
    text = raw.trim().toLowerCase();
  } else {
    return { ok: false, shown: shown(raw) };
  }
  if (text === 'noon' || text === '12 noon') return ok('12:00', 'time_12h');
  if (text === 'midnight' || text === '12 midnight') return ok('00:00', 'time_12h');
  const strict = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (strict && fixes.length === 0) return ok(text);
  const twelve = /^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m?\.?$/.exec(text);
  if (twelve) {
    const hour = Number(twelve[1]);
    const minute = Number(twelve[2] ?? '0');
    if (hour < 1 || hour > 12 || minute > 59 || Number(twelve[3] ?? '0') > 59) return { ok: false, shown: shown(raw) };
    const hour24 = (hour % 12) + (twelve[4] === 'p' ? 12 : 0);
    return ok(`${pad(hour24)}:${pad(minute)}`, ...fixes, 'time_12h');
  }
  const clock = /^(\d{1,2})[:.h](\d{2})(?::(\d{2}))?$/.exec(text) ?? /^(\d{1,2})(\d{2})$/.exec(text);
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    if (minute > 59 || Number(clock[3] ?? '0') > 59) return { ok: false, shown: shown(raw) };
    if (hour === 24 && minute === 0) return ok('00:00', ...fixes, 'time_reformatted');
    if (hour > 23) return { ok: false, shown: shown(raw) };
    return ok(`${pad(hour)}:${pad(minute)}`, ...fixes, 'time_reformatted');
  }
  return { ok: false, shown: shown(raw) };
}

/** IANA names only: no offsets ("+05:00") and no abbreviations ("EST", which the zone database maps to a fixed offset). */
const ZONE_NAME = /^(UTC|GMT|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+)$/i;

const zoneCache = new Map<string, string | null>();

/** The runtime's canonical spelling of an IANA zone name, or null when it is not one. */
export function canonicalTimeZone(zone: string): string | null {
  const name = zone.trim();
  if (!ZONE_NAME.test(name) || name.length > 64) return null;
  const cached = zoneCache.get(name);
  if (cached !== undefined) return cached;
  let canonical: string | null;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    canonical = null;
  }
  if (zoneCache.size > 1000) zoneCache.clear();
  zoneCache.set(name, canonical);
  return canonical;
}

const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
/** "2021-05-26 19:03:46", "2021/05/26", "8/25/2022 11:17:07 AM", "25/8/2022 19:00" … (time optional). */
const DATE_TIME =
  /^(?:(\d{4})[-/](\d{1,2})[-/](\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4}))(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([ap])?\.?m?\.?)?$/i;

/** Milliseconds since the epoch for a calendar date and time read as UTC, or null when it does not exist. */
function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(millis).getUTCDate() === day ? millis : null;
}

function parseDateTime(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  let [year, month, day] = m[1] ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[6]), Number(m[4]), Number(m[5])];
  // US order (month/day) unless the first number cannot be a month.
  if (!m[1] && month > 12) [month, day] = [day, month];
  let hour = Number(m[7] ?? '0');
  const meridiem = m[10]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  return utcMillis(year, month, day, hour, Number(m[8] ?? '0'), Number(m[9] ?? '0'));
}

/**
 * `updated` in whatever form a feed uses, read as UTC when it names no offset (the spec's
 * "YYYY-MM-DD HH:MM:SS" is UTC). Day/month order is US unless the first number cannot be a month.
 * Returned as ISO 8601 UTC with whole seconds.
 */
export function parseUpdated(raw: unknown): Parsed<string> {
  if (typeof raw !== 'string') return { ok: false, shown: shown(raw) };
  const text = raw.trim().replace(/\s+/g, ' ');
  let millis = parseDateTime(text);
  if (millis === null && /^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const iso = DateTime.fromISO(text, { zone: 'utc' });
    millis = iso.isValid ? iso.toMillis() : null;
  }
  if (millis === null || millis < EARLIEST || millis >= LATEST) return { ok: false, shown: shown(raw) };
  const value = new Date(Math.floor(millis / 1000) * 1000).toISOString();
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? ok(value) : ok(value, 'updated_reformatted');
}

/** A latitude or longitude: a finite number within ±bound, given as a number or numeric string. */
export function parseCoordinate(raw: unknown, bound: number): Parsed<number> {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) && Math.abs(raw) <= bound ? ok(raw + 0) : { ok: false, shown: shown(raw) };
  }
  if (typeof raw === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(raw)) {
    const value = Number(raw.trim());
    return Math.abs(value) <= bound ? ok(value + 0, 'number_as_string') : { ok: false, shown: shown(raw) };
  }
  return { ok: false, shown: shown(raw) };
}

/** An absolute URL with one of the given schemes, trimmed; spaces inside make it invalid. */
export function parseUrl(raw: string, schemes: readonly string[] = ['http:', 'https:']): string | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > FEED_LIMITS.urlMax || /\s/.test(text)) return null;
  try {
    const url = new URL(text);
    if (!schemes.includes(url.protocol)) return null;
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return null;
    return text;
  } catch {
    return null;
  }
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;

export function parseEmail(raw: string): string | null {
  const text = raw.trim().replace(/^mailto:/i, '');
  return text.length <= FEED_LIMITS.emailMax && EMAIL.test(text) ? text : null;
}

/**
 * A dial string: digits and + , * # only; at least 7 digits. Spaces, dashes, dots and brackets are
 * removed; at anything else (a letter passcode, "ext.") the string is cut back to the last pause
 * before it, so no digit that was not dialled is ever invented.
 */
export function parseConferencePhone(raw: string): Parsed<string> {
  const text = raw.trim();
  let cleaned = text.replace(/[\s().\-/]/g, '');
  const stray = cleaned.search(/[^\d+,*#]/);
  if (stray >= 0) {
    const before = cleaned.slice(0, stray);
    const pause = before.lastIndexOf(',');
    cleaned = (pause >= 0 ? before.slice(0, pause) : before).replace(/,+$/, '');
  }
  if ((cleaned.match(/\d/g) ?? []).length < 7 || cleaned.length > FEED_LIMITS.lineMax) return { ok: false, shown: shown(raw) };
  return cleaned === text ? ok(cleaned) : ok(cleaned, 'conference_phone_cleaned');
}

/** Zone words feeds write instead of IANA names (North America above all, where most feeds come from). */
const ZONE_WORDS: Readonly<Record<string, string>> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  EASTERN: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  CENTRAL: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  MOUNTAIN: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  PACIFIC: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  AKDT: 'America/Anchorage',
  ALASKA: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  HAWAII: 'Pacific/Honolulu',
  AST: 'America/Halifax',
  ADT: 'America/Halifax',
  ATLANTIC: 'America/Halifax',
  NST: 'America/St_Johns',
  NDT: 'America/St_Johns',
  BST: 'Europe/London',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
};

/** Winter and summer offsets of a zone, to tell whether two zones keep the same clock. */
const offsetsOf = (zone: string) => [1, 7].map((month) => DateTime.fromObject({ year: 2026, month, day: 15 }, { zone }).offset).join('/');

/**
 * The zone an abbreviation or zone word ("EST", "Central Time") most likely means, or null. The
 * source's default zone wins when it keeps the same clock ("EST" in a Detroit feed stays Detroit);
 * "EST" is read as Eastern time with daylight saving, as people who write it mean.
 */
export function zoneFromAbbreviation(text: string, defaultZone: string): string | null {
  const word = text
    .trim()
    .toUpperCase()
    .replace(/[.\s]+/g, ' ')
    .replace(/ (STANDARD |DAYLIGHT )?TIME$/, '')
    .replace(/^US /, '')
    .trim();
  const zone = ZONE_WORDS[word];
  if (!zone) return null;
  return offsetsOf(zone) === offsetsOf(defaultZone) ? defaultZone : zone;
}
