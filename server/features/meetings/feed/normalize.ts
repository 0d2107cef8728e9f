import type { AttendanceMode, FeedError, FeedMeeting, FeedRecordFixes, FeedReport } from '../../../../shared/contracts/meetings-feed.ts';
import { FEED_LIMITS, FEED_PLAUSIBLE_HOURS, feedFixKind } from '../../../../shared/contracts/meetings-feed.ts';
import { Fixes, KNOWN_FIELDS, type Raw, readEmail, readEmails, readText, readUrl, readYesNo, textOf } from './fields.ts';
import { canonicalTypeCode, languagesOf, ONLINE_META_CODES, typeCodeFromName } from './type-codes.ts';
import {
  canonicalTimeZone,
  parseConferencePhone,
  parseCoordinate,
  parseDay,
  parseTime,
  parseUpdated,
  zoneFromAbbreviation,
} from './values.ts';

export const NOT_AN_ARRAY = 'The feed is not a JSON array of meetings';
/** Enough to show what a feed adds; a hostile feed with a new key per record stops here. */
const MAX_IGNORED_FIELDS = 100;

/**
 * Normalizes a Meeting Guide feed (already parsed JSON). Pure: no I/O, no clock. Every record ends up
 * either accepted (one meeting, or one per day when `day` is an array) or rejected with a reason;
 * `fixes` says what was changed on the way. See README.md in this folder for the rules.
 */
export function normalizeFeed(raw: unknown, options: { defaultTimezone: string }): FeedReport | FeedError {
  if (!Array.isArray(raw)) return { error: NOT_AN_ARRAY };
  const defaultTimezone = canonicalTimeZone(options.defaultTimezone);
  if (!defaultTimezone) return { error: `Unknown default timezone ${JSON.stringify(options.defaultTimezone)}` };

  // Slugs kept as given may not be taken by the "-<day>" slugs of expanded records.
  const reserved = new Set<string>();
  for (const record of raw) {
    if (isRecord(record) && !Array.isArray(record.day)) {
      const slug = readSlug(record.slug, new Fixes(), FEED_LIMITS.slugOutMax);
      if (typeof slug === 'string') reserved.add(slug);
    }
  }

  const report: FeedReport = { total: raw.length, accepted: [], origins: [], normalized: 0, fixes: [], rejected: [], ignoredFields: [] };
  // Every slug in use, given or made, and the record it belongs to.
  const owner = new Map<string, number>();
  const ignored = new Set<string>();

  raw.forEach((record, index) => {
    if (!isRecord(record)) {
      report.rejected.push({ index, slug: null, reason: `not an object (got ${kindOf(record)})` });
      return;
    }
    for (const key of Object.keys(record)) {
      if (!KNOWN_FIELDS.has(key) && ignored.size < MAX_IGNORED_FIELDS) ignored.add(key.slice(0, FEED_LIMITS.typeCodeMax * 2));
    }
    const result = normalizeRecord(record, defaultTimezone);
    if ('reason' in result) {
      report.rejected.push({ index, slug: result.slug, reason: result.reason });
      return;
    }
    let slug = result.slug;
    if (owner.has(slug)) {
      // A copied row keeps its meeting: a new slug, and a warning to look at it.
      slug = renamedSlug(slug, reserved, owner);
      result.fixes.add('slug_duplicate_renamed');
    }
    owner.set(slug, index);
    const slugs: string[] = [];
    for (const meeting of result.meetings) {
      meeting.slug = result.expanded ? freeSlug(slug, meeting.day, reserved, owner) : slug;
      owner.set(meeting.slug, index);
      slugs.push(meeting.slug);
      report.accepted.push(meeting);
      report.origins.push(index);
    }
    if (result.fixes.size > 0) {
      const fixes = result.fixes.list();
      if (fixes.some((code) => feedFixKind(code) === 'repair')) report.normalized += 1;
      report.fixes.push({ index, slugs, fixes } satisfies FeedRecordFixes);
    }
  });
  report.ignoredFields = [...ignored].sort();
  return report;
}

export function isFeedError(result: FeedReport | FeedError): result is FeedError {
  return 'error' in result;
}

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** "<slug>-<day>", or "<slug>-<day>-<n>" when the feed already uses that slug. */
function freeSlug(base: string, day: number | null, reserved: Set<string>, taken: Map<string, number>): string {
  const stem = `${base}-${day ?? 'x'}`;
  let candidate = stem;
  for (let n = 2; reserved.has(candidate) || taken.has(candidate); n += 1) candidate = `${stem}-${n}`;
  return candidate;
}

/** "<slug>-2", "-3" …: the first the feed neither gives nor has made, within the length limit. */
function renamedSlug(base: string, reserved: Set<string>, taken: Map<string, number>): string {
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, FEED_LIMITS.slugMax - suffix.length)}${suffix}`;
    if (!reserved.has(candidate) && !taken.has(candidate)) return candidate;
  }
}

/**
 * The slug as text, or a rejection reason. Integers are allowed by the spec; whitespace and the
 * characters of markup (< > " ' `) become "-".
 * A record with a `day` array may have FEED_LIMITS.slugMax characters, so that "-<day>" still fits.
 */
function readSlug(value: unknown, fixes: Fixes, max: number): string | { reason: string } {
  if (value === undefined || value === null) return { reason: 'missing slug' };
  let text: string;
  if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'string') text = value.trim();
  else return { reason: `invalid slug (${kindOf(value)})` };
  if (text === '') return { reason: 'missing slug' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed from slugs
  const cleaned = text.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[\s<>"'`]+/g, '-');
  if (cleaned !== text) fixes.add('slug_cleaned');
  if (cleaned === '') return { reason: 'missing slug' };
  if (cleaned.length > max) return { reason: `slug longer than ${max} characters` };
  return cleaned;
}

type RecordResult = { slug: string; expanded: boolean; meetings: FeedMeeting[]; fixes: Fixes } | { slug: string | null; reason: string };

/** Minutes from a start to an end clock time, through midnight when the end is earlier. */
function minutesBetween(start: string, end: string): number {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  return (minutes(end) - minutes(start) + 24 * 60) % (24 * 60);
}

const absent = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function readDays(value: unknown, fixes: Fixes): { days: number[]; expanded: boolean } | { reason: string } {
  if (absent(value)) return { days: [], expanded: false };
  const items = Array.isArray(value) ? value.filter((item) => !absent(item)) : [value];
  const days = new Set<number>();
  for (const item of items) {
    const day = parseDay(item);
    if (!day.ok) return { reason: `invalid day "${day.shown}"` };
    fixes.add(...day.fixes);
    days.add(day.value);
  }
  return { days: [...days].sort((a, b) => a - b), expanded: Array.isArray(value) && days.size > 0 };
}

/** Brackets and quotes around a list or an item written as text: `[open]`, `["O","D"]`, `'C'`. */
const LIST_MARKS = /^[\s[\]"'{}()]+|[\s[\]"'{}()]+$/g;

function readTypes(value: unknown, fixes: Fixes): { types: string[]; customTypes: string[]; markedOnline: boolean } {
  let items: unknown[] = [];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string') {
    items = value
      .replace(LIST_MARKS, '')
      .split(/[,;]/)
      .map((piece) => piece.replace(LIST_MARKS, ''))
      .filter((piece) => piece !== '');
    if (items.length > 0) fixes.add('types_from_string');
  } else if (value !== undefined && value !== null) fixes.add('type_code_invalid_dropped');
  const types = new Set<string>();
  const customTypes = new Set<string>();
  let markedOnline = false;
  for (const item of items) {
    const text = typeof item === 'number' || typeof item === 'string' ? textOf(item, 'line', fixes) : null;
    if (text === null || text.length > FEED_LIMITS.typeCodeMax) {
      fixes.add('type_code_invalid_dropped');
      continue;
    }
    if (ONLINE_META_CODES.has(text.toUpperCase())) {
      markedOnline = true;
      fixes.add('type_code_online_derived');
      continue;
    }
    const code = canonicalTypeCode(text);
    const named = code ? null : typeCodeFromName(text);
    if (code) {
      if (code !== text) fixes.add('type_code_case');
      types.add(code);
    } else if (named) {
      fixes.add('type_code_from_name');
      types.add(named);
    } else {
      fixes.add('type_code_custom');
      customTypes.add(text);
    }
  }
  const bounded = (set: Set<string>) => [...set].sort().slice(0, FEED_LIMITS.listMax);
  return { types: bounded(types), customTypes: bounded(customTypes), markedOnline };
}

function readRegions(record: Raw, fixes: Fixes): string[] {
  if (Array.isArray(record.regions)) {
    const regions = record.regions.map((item) => textOf(item, 'line', fixes)).filter((item): item is string => item !== null);
    if (regions.length > 0) return regions.slice(0, FEED_LIMITS.listMax);
  } else if (!absent(record.regions)) fixes.add('field_type_invalid_dropped');
  return ['region', 'sub_region', 'sub_sub_region']
    .map((key) => readText(record, key, 'line', fixes))
    .filter((r): r is string => r !== null);
}

/** Street-level when some part but the last (the country) starts with a number, or the first part has one. */
function looksStreetLevel(formatted: string): boolean {
  const parts = formatted.split(',').map((part) => part.trim());
  return /\d/.test(parts[0] ?? '') || parts.slice(0, -1).some((part) => /^\d/.test(part));
}

function normalizeRecord(record: Raw, defaultTimezone: string): RecordResult {
  const fixes = new Fixes();
  const slug = readSlug(record.slug, fixes, Array.isArray(record.day) ? FEED_LIMITS.slugMax : FEED_LIMITS.slugOutMax);
  if (typeof slug !== 'string') return { slug: null, reason: slug.reason };
  const name = readText(record, 'name', 'line', fixes);
  if (name === null) return { slug, reason: 'missing name' };

  const dayResult = readDays(record.day, fixes);
  if ('reason' in dayResult) return { slug, reason: dayResult.reason };
  let days: number[] = dayResult.days;
  let time: string | null = null;
  if (!absent(record.time)) {
    const parsed = parseTime(record.time);
    if (!parsed.ok) return { slug, reason: `invalid time "${parsed.shown}"` };
    fixes.add(...parsed.fixes);
    time = parsed.value;
  }
  if (days.length > 0 !== (time !== null)) {
    fixes.add('schedule_incomplete');
    days = [];
    time = null;
  }
  const expanded = dayResult.expanded && days.length > 0;
  if (expanded) fixes.add('day_array_expanded');
  let endTime: string | null = null;
  if (time !== null) {
    if (absent(record.end_time)) fixes.add('end_time_missing');
    else {
      const parsed = parseTime(record.end_time);
      if (!parsed.ok) fixes.add('end_time_invalid_dropped');
      else if (parsed.value === time) fixes.add('end_time_same_as_start_dropped');
      else {
        fixes.add(...parsed.fixes);
        endTime = parsed.value;
      }
    }
  }
  const crossesMidnight = time !== null && endTime !== null && endTime < time;
  if (crossesMidnight) fixes.add('crosses_midnight');
  if (time !== null && endTime !== null && minutesBetween(time, endTime) > FEED_PLAUSIBLE_HOURS * 60) fixes.add('length_implausible');

  let timezone = defaultTimezone;
  if (absent(record.timezone)) fixes.add('timezone_defaulted');
  else {
    const text = typeof record.timezone === 'string' ? record.timezone : '';
    const given = canonicalTimeZone(text);
    const guessed = given ? null : zoneFromAbbreviation(text, defaultTimezone);
    if (given) {
      if (given !== text.trim()) fixes.add('timezone_canonicalized');
      timezone = given;
    } else if (guessed) {
      fixes.add('timezone_abbreviation');
      timezone = guessed;
    } else fixes.add('timezone_unknown_defaulted');
  }

  const { types, customTypes, markedOnline } = readTypes(record.types, fixes);

  let formattedAddress = readText(record, 'formatted_address', 'notes', fixes);
  let address = readText(record, 'address', 'line', fixes);
  const city = readText(record, 'city', 'line', fixes);
  const state = readText(record, 'state', 'line', fixes);
  const postalCode = readText(record, 'postal_code', 'line', fixes);
  const country = readText(record, 'country', 'line', fixes);
  const formattedGiven = formattedAddress !== null;
  if (!formattedGiven && address !== null && address.split(',').length >= 3 && !city && !state && !postalCode && !country) {
    formattedAddress = address;
    address = null;
    fixes.add('address_as_formatted');
  }
  if (formattedAddress === null) {
    const composed = [address, city, [state, postalCode].filter(Boolean).join(' '), country].filter(Boolean).join(', ');
    formattedAddress = textOf(composed, 'notes', fixes);
  }

  const conferenceUrl = readUrl(record, 'conference_url', fixes);
  let conferencePhone: string | null = null;
  if (!absent(record.conference_phone)) {
    const rawPhone = record.conference_phone;
    if (typeof rawPhone === 'number') fixes.add('number_to_text');
    const parsed = typeof rawPhone === 'string' || typeof rawPhone === 'number' ? parseConferencePhone(String(rawPhone)) : null;
    if (parsed?.ok) {
      fixes.add(...parsed.fixes);
      conferencePhone = parsed.value;
    } else fixes.add('conference_phone_invalid_dropped');
  }
  // The feed's word that a meeting is online outweighs an unusable link: it stays online, flagged.
  const linkValid = conferenceUrl !== null || conferencePhone !== null;
  if (markedOnline && !linkValid) fixes.add('online_without_valid_link');
  const online = linkValid || markedOnline;

  const stated = readYesNo(record.approximate);
  let approximate: boolean;
  if (formattedAddress === null) approximate = true;
  else if (stated !== undefined) approximate = stated;
  else if (address !== null) approximate = false;
  else if (formattedGiven || fixes.has('address_as_formatted')) {
    approximate = looksStreetLevel(formattedAddress) ? false : online || formattedAddress.split(',').length <= 3;
  } else approximate = true;

  const inPerson = !approximate && !types.includes('TC');
  const attendanceMode: AttendanceMode = online ? (inPerson ? 'hybrid' : 'online') : inPerson ? 'in_person' : 'inactive';

  let latitude: number | null = null;
  let longitude: number | null = null;
  if (!absent(record.latitude) || !absent(record.longitude)) {
    const lat = parseCoordinate(record.latitude, 90);
    const lng = parseCoordinate(record.longitude, 180);
    if (lat.ok && lng.ok && !(lat.value === 0 && lng.value === 0)) {
      fixes.add(...lat.fixes, ...lng.fixes);
      latitude = lat.value;
      longitude = lng.value;
    } else fixes.add('coordinates_invalid_dropped');
  }

  let updated: string | null = null;
  if (!absent(record.updated)) {
    const parsed = parseUpdated(record.updated);
    if (parsed.ok) {
      fixes.add(...parsed.fixes);
      updated = parsed.value;
    } else fixes.add('updated_invalid_dropped');
  }

  const entityUrlKey = absent(record.entity_url) ? 'entity_website_url' : 'entity_url';
  const entity = {
    name: readText(record, 'entity', 'line', fixes),
    email: readEmail(record, 'entity_email', fixes),
    location: readText(record, 'entity_location', 'line', fixes),
    logo: readUrl(record, 'entity_logo', fixes),
    phone: readText(record, 'entity_phone', 'line', fixes),
    url: readUrl(record, entityUrlKey, fixes),
  };
  const contacts = [1, 2, 3]
    .map((n) => ({
      name: readText(record, `contact_${n}_name`, 'line', fixes),
      email: readEmail(record, `contact_${n}_email`, fixes),
      phone: readText(record, `contact_${n}_phone`, 'line', fixes),
    }))
    .filter((contact) => contact.name !== null || contact.email !== null || contact.phone !== null);

  const base: Omit<FeedMeeting, 'day'> = {
    slug,
    name,
    time,
    endTime,
    crossesMidnight,
    timezone,
    types,
    customTypes,
    languages: languagesOf(types),
    attendanceMode,
    location: readText(record, 'location', 'line', fixes),
    locationNotes: readText(record, 'location_notes', 'notes', fixes),
    formattedAddress,
    address,
    city,
    state,
    postalCode,
    country,
    approximate,
    latitude,
    longitude,
    regions: readRegions(record, fixes),
    conferenceUrl,
    conferenceUrlNotes: readText(record, 'conference_url_notes', 'notes', fixes),
    conferencePhone,
    conferencePhoneNotes: readText(record, 'conference_phone_notes', 'notes', fixes),
    notes: readText(record, 'notes', 'notes', fixes),
    group: readText(record, 'group', 'line', fixes),
    groupNotes: readText(record, 'group_notes', 'notes', fixes),
    district: readText(record, 'district', 'line', fixes),
    website: readUrl(record, 'website', fixes),
    email: readEmail(record, 'email', fixes),
    phone: readText(record, 'phone', 'line', fixes),
    url: readUrl(record, 'url', fixes),
    editUrl: readUrl(record, 'edit_url', fixes),
    feedbackUrl: readUrl(record, 'feedback_url', fixes, ['http:', 'https:', 'mailto:']),
    feedbackEmails: readEmails(record, 'feedback_emails', fixes),
    venmo: readText(record, 'venmo', 'line', fixes),
    square: readText(record, 'square', 'line', fixes),
    paypal: readText(record, 'paypal', 'line', fixes),
    homegroupOnline: readText(record, 'homegroup_online', 'line', fixes),
    fellowship: readText(record, 'fellowship', 'line', fixes),
    entity: Object.values(entity).some((value) => value !== null) ? entity : null,
    contacts,
    updated,
  };
  const meetings: FeedMeeting[] =
    days.length === 0 ? [{ ...base, day: null }] : days.map((day, i) => ({ ...(i === 0 ? base : structuredClone(base)), day }));
  return { slug, expanded, meetings, fixes };
}
