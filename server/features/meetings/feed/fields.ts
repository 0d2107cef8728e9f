import { FEED_FIX_CODES, FEED_LIMITS, type FeedFixCode } from '../../../../shared/contracts/meetings-feed.ts';
import { cleanText } from './text.ts';
import { parseEmail, parseUrl } from './values.ts';

/** The fixes one record took, reported in the order of FEED_FIX_CODES. */
export class Fixes {
  private readonly codes = new Set<FeedFixCode>();
  add(...codes: FeedFixCode[]) {
    for (const code of codes) this.codes.add(code);
  }
  has(code: FeedFixCode) {
    return this.codes.has(code);
  }
  get size() {
    return this.codes.size;
  }
  list(): FeedFixCode[] {
    return FEED_FIX_CODES.filter((code) => this.codes.has(code));
  }
}

export type Raw = Record<string, unknown>;
export type TextKind = 'line' | 'notes';

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';

/** Text of one field: plain, bounded, null when absent or blank. Numbers become text; other shapes are dropped. */
export function readText(record: Raw, key: string, kind: TextKind, fixes: Fixes): string | null {
  return textOf(record[key], kind, fixes);
}

export function textOf(value: unknown, kind: TextKind, fixes: Fixes): string | null {
  if (isAbsent(value)) return null;
  let raw: string;
  if (typeof value === 'string') raw = value;
  else if (typeof value === 'number' && Number.isFinite(value)) {
    raw = String(value);
    fixes.add('number_to_text');
  } else {
    fixes.add('field_type_invalid_dropped');
    return null;
  }
  const cleaned = cleanText(raw, { max: kind === 'line' ? FEED_LIMITS.lineMax : FEED_LIMITS.notesMax, multiline: kind === 'notes' });
  if (cleaned.htmlStripped) fixes.add('html_stripped');
  if (cleaned.truncated) fixes.add('text_truncated');
  return cleaned.text;
}

/** An http(s) URL (or another listed scheme); anything else is dropped with a fix. */
export function readUrl(record: Raw, key: string, fixes: Fixes, schemes?: readonly string[]): string | null {
  const value = record[key];
  if (isAbsent(value)) return null;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    const url = parseUrl(value, schemes);
    if (url) return url;
  }
  fixes.add(key === 'conference_url' ? 'conference_url_invalid_dropped' : 'url_invalid_dropped');
  return null;
}

export function readEmail(record: Raw, key: string, fixes: Fixes): string | null {
  const value = record[key];
  if (isAbsent(value)) return null;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    const email = parseEmail(value);
    if (email) return email;
  }
  fixes.add('email_invalid_dropped');
  return null;
}

/** A list of e-mail addresses: an array, or one string separated by commas or semicolons. */
export function readEmails(record: Raw, key: string, fixes: Fixes): string[] {
  const value = record[key];
  if (isAbsent(value)) return [];
  const items: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;]/) : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string' && item.trim() === '') continue;
    const email = typeof item === 'string' ? parseEmail(item) : null;
    if (!email) fixes.add('email_invalid_dropped');
    else if (!out.includes(email) && out.length < FEED_LIMITS.listMax) out.push(email);
  }
  return out;
}

/** "yes"/"no" (the spec), also booleans and true/false/1/0; undefined when not stated. */
export function readYesNo(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (text === 'yes' || text === 'true' || text === '1') return true;
  if (text === 'no' || text === 'false' || text === '0') return false;
  return undefined;
}

/** Every field name this normalizer reads; others are reported as ignored. */
export const KNOWN_FIELDS = new Set([
  'slug',
  'name',
  'day',
  'time',
  'end_time',
  'timezone',
  'types',
  'notes',
  'location',
  'location_notes',
  'formatted_address',
  'address',
  'city',
  'state',
  'postal_code',
  'country',
  'approximate',
  'latitude',
  'longitude',
  'region',
  'sub_region',
  'sub_sub_region',
  'regions',
  'conference_url',
  'conference_url_notes',
  'conference_phone',
  'conference_phone_notes',
  'group',
  'group_notes',
  'district',
  'website',
  'email',
  'phone',
  'url',
  'edit_url',
  'feedback_url',
  'feedback_emails',
  'venmo',
  'square',
  'paypal',
  'homegroup_online',
  // Not in the Meeting Guide specification: Kinship writes it and reads it back (feeds name no fellowship).
  'fellowship',
  'entity',
  'entity_email',
  'entity_location',
  'entity_logo',
  'entity_phone',
  'entity_url',
  'entity_website_url',
  'updated',
  ...[1, 2, 3].flatMap((n) => [`contact_${n}_name`, `contact_${n}_email`, `contact_${n}_phone`]),
]);
