import type { FeedMeeting } from '../../../shared/contracts/meetings-feed.ts';
import type { OwnMeetingInput } from '../../../shared/contracts/own-meetings.ts';
import { badRequest, type FieldError } from '../../lib/app-error.ts';
import { isFeedError, normalizeFeed } from '../meetings/meetings.public.ts';

/**
 * Turns the admin form's input into the stored meeting by writing it as a Meeting Guide record and
 * running the feed normalizer, so an own group is cleaned exactly like an imported one (markup
 * stripped, codes and zones canonical) and exports back to itself. What the normalizer would silently
 * drop from a feed is a 400 here, per field: an administrator can fix it.
 */

type Input = Omit<OwnMeetingInput, 'types' | 'regions' | 'contacts'> & {
  types: string[];
  regions: string[];
  contacts: { name?: string | null; email?: string | null; phone?: string | null }[];
};

/** Input field → Meeting Guide key → normalized field: plain values that must survive cleaning. */
const PLAIN_FIELDS = [
  ['name', 'name'],
  ['fellowship', 'fellowship'],
  ['location', 'location'],
  ['locationNotes', 'location_notes'],
  ['formattedAddress', 'formatted_address'],
  ['address', 'address'],
  ['city', 'city'],
  ['state', 'state'],
  ['postalCode', 'postal_code'],
  ['country', 'country'],
  ['conferenceUrl', 'conference_url'],
  ['conferenceUrlNotes', 'conference_url_notes'],
  ['conferencePhone', 'conference_phone'],
  ['conferencePhoneNotes', 'conference_phone_notes'],
  ['notes', 'notes'],
  ['group', 'group'],
  ['groupNotes', 'group_notes'],
  ['website', 'website'],
  ['email', 'email'],
  ['phone', 'phone'],
] as const satisfies readonly (readonly [keyof Input & keyof FeedMeeting, string])[];

const given = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

const MESSAGES: Partial<Record<(typeof PLAIN_FIELDS)[number][0], string>> = {
  name: 'A name is required (markup is removed)',
  conferenceUrl: 'Use an https:// link',
  conferencePhone: 'A dial-in number needs at least 7 digits',
  website: 'Use an http:// or https:// link',
  email: 'Not an e-mail address',
};

/** "YYYY-MM-DD HH:MM:SS" (UTC), the spec's form of `updated`. */
const specTimestamp = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ');

export function toMeetingGuideRecord(input: Input, slug: string, now: Date): Record<string, unknown> {
  const record: Record<string, unknown> = { slug, timezone: input.timezone, updated: specTimestamp(now) };
  for (const [field, key] of PLAIN_FIELDS) if (given(input[field])) record[key] = input[field];
  if (input.day !== null && input.day !== undefined) record.day = input.day;
  if (given(input.time)) record.time = input.time;
  if (given(input.endTime)) record.end_time = input.endTime;
  const types = input.types.filter((code) => code !== 'TC');
  if (input.attendanceMode === 'inactive') types.push('TC');
  record.types = types;
  const hasAddress = given(input.address) || given(input.formattedAddress);
  // An online meeting's address is where it is based (city level); the others meet there.
  record.approximate = input.attendanceMode === 'online' || !hasAddress ? 'yes' : 'no';
  if (input.latitude !== null && input.latitude !== undefined) record.latitude = input.latitude;
  if (input.longitude !== null && input.longitude !== undefined) record.longitude = input.longitude;
  const regions = input.regions.filter(given);
  if (regions.length > 0) record.regions = regions;
  input.contacts.forEach((contact, i) => {
    if (given(contact.name)) record[`contact_${i + 1}_name`] = contact.name;
    if (given(contact.email)) record[`contact_${i + 1}_email`] = contact.email;
    if (given(contact.phone)) record[`contact_${i + 1}_phone`] = contact.phone;
  });
  return record;
}

function scheduleErrors(input: Input): FieldError[] {
  const errors: FieldError[] = [];
  const hasDay = input.day !== null && input.day !== undefined;
  const hasTime = given(input.time);
  if (hasDay && !hasTime) errors.push({ path: 'body.time', message: 'A weekly meeting needs a start time' });
  if (!hasDay && hasTime) errors.push({ path: 'body.day', message: 'A weekly meeting needs a day; leave both empty for "by appointment"' });
  if (!hasTime && given(input.endTime)) errors.push({ path: 'body.endTime', message: 'An end time needs a start time' });
  if (hasTime && input.endTime === input.time) errors.push({ path: 'body.endTime', message: 'The end time equals the start time' });
  const hasLat = input.latitude !== null && input.latitude !== undefined;
  const hasLng = input.longitude !== null && input.longitude !== undefined;
  if (hasLat !== hasLng) errors.push({ path: `body.${hasLat ? 'longitude' : 'latitude'}`, message: 'Give both latitude and longitude' });
  if (hasLat && hasLng && input.latitude === 0 && input.longitude === 0) {
    errors.push({ path: 'body.latitude', message: '0, 0 is not a meeting place' });
  }
  return errors;
}

/** The attendance mode the administrator chose must be what the fields say, or the export would disagree. */
function attendanceErrors(input: Input, meeting: FeedMeeting): FieldError[] {
  const mode = input.attendanceMode;
  const online = meeting.conferenceUrl !== null || meeting.conferencePhone !== null;
  const errors: FieldError[] = [];
  if ((mode === 'online' || mode === 'hybrid') && !online) {
    errors.push({ path: 'body.conferenceUrl', message: 'An online or hybrid meeting needs a link or a dial-in number' });
  }
  if ((mode === 'in_person' || mode === 'inactive') && online) {
    const message =
      mode === 'inactive' ? 'A temporarily closed meeting has no online link' : 'An in-person meeting has no online link; choose hybrid';
    errors.push({ path: 'body.conferenceUrl', message });
  }
  if ((mode === 'in_person' || mode === 'hybrid') && !given(input.address) && !given(input.formattedAddress)) {
    errors.push({ path: 'body.address', message: 'An in-person or hybrid meeting needs a street address' });
  }
  return errors;
}

/** The normalized meeting, or a 400 naming every field that is wrong. */
export function normalizeOwnMeeting(input: Input, slug: string, now = new Date()): FeedMeeting {
  const errors = scheduleErrors(input);
  const report = normalizeFeed([toMeetingGuideRecord(input, slug, now)], { defaultTimezone: input.timezone });
  if (isFeedError(report)) throw badRequest(report.error, [{ path: 'body.timezone', message: report.error }]);
  const meeting = report.accepted[0];
  if (!meeting) {
    const reason = report.rejected[0]?.reason ?? 'The meeting could not be read';
    const field = /name/.test(reason) ? 'name' : /timezone/.test(reason) ? 'timezone' : /time/.test(reason) ? 'time' : 'day';
    throw badRequest(reason, [...errors, { path: `body.${field}`, message: reason }]);
  }
  for (const [field] of PLAIN_FIELDS) {
    if (given(input[field]) && meeting[field] === null) {
      errors.push({ path: `body.${field}`, message: MESSAGES[field] ?? 'Nothing is left once markup is removed' });
    }
  }
  input.contacts.forEach((contact, i) => {
    const email = contact.email?.trim().toLowerCase();
    if (given(email) && !meeting.contacts.some((c) => c.email?.toLowerCase() === email))
      errors.push({ path: `body.contacts.${i}.email`, message: 'Not an e-mail address' });
  });
  if (errors.length === 0) errors.push(...attendanceErrors(input, meeting));
  if (errors.length > 0) throw badRequest(`${errors[0]?.path}: ${errors[0]?.message}`, errors);
  return meeting;
}

/** A slug from the name: lower-case ASCII words joined by "-" ("Café Hope" → "cafe-hope"). */
export function slugBase(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return base === '' ? 'meeting' : base;
}
