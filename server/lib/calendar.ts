import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { type ICalCalendar, ICalCalendarMethod } from 'ical-generator';

/**
 * An iCalendar file (RFC 5545; the library writes CRLF, folding and escaping) published by Kinship.
 * No calendar-wide zone (stamps stay in UTC): each event names its own zone and the generator adds
 * that zone's VTIMEZONE, so a calendar anywhere shows the right moment on both sides of a DST change.
 */
export function publishedCalendar(product: string): ICalCalendar {
  return ical({
    prodId: { company: 'Kinship', product, language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
}

/** A safe download name: letters, digits, dashes; never empty. */
export function calendarFileName(base: string): string {
  const safe = base
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${safe || 'event'}.ics`;
}
