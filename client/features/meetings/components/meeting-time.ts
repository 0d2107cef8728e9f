import type { TFunction } from 'i18next';
import i18next from 'i18next';
import type { MeetingListItem } from '../../../../shared/contracts/meetings.ts';

/** 1 January 2023 was a Sunday: day n of the Meeting Guide week (0 = Sunday) is 1 + n January. */
const weekdayDate = (day: number, hhmm = '00:00') => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2023, 0, 1 + day, hours ?? 0, minutes ?? 0));
};

export function weekdayName(day: number, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(i18next.language, { weekday: style, timeZone: 'UTC' }).format(weekdayDate(day));
}

/** "19:00" as the reader's language writes a time of day ("7:00 PM", "19:00"). */
export function clockTime(hhmm: string): string {
  return new Intl.DateTimeFormat(i18next.language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(weekdayDate(0, hhmm));
}

/** An instant as weekday and time in a given zone ("Tue 7:00 PM"). */
export function instantIn(iso: string, timeZone: string, style: 'long' | 'short' = 'short'): string {
  return new Intl.DateTimeFormat(i18next.language, { weekday: style, hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** The zone's name as people know it ("Central Standard Time"), falling back to the IANA name. */
export function zoneName(timeZone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat(i18next.language, { timeZoneName: 'long', timeZone })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** "In progress", "Starts in 25 minutes", or the weekday and time of the next start in the viewer's zone. */
export function startLabel(item: MeetingListItem, t: TFunction): string {
  if (item.status === 'in_progress') return t('meetings.status.inProgress');
  if (item.status === 'starting_soon' && item.minutesUntilStart !== null) {
    return item.minutesUntilStart <= 0 ? t('meetings.status.startsNow') : t('meetings.status.startsIn', { count: item.minutesUntilStart });
  }
  if (item.startsLocal) return `${weekdayName(item.startsLocal.weekday, 'short')} ${clockTime(item.startsLocal.time)}`;
  return t('meetings.status.byAppointment');
}

/** Minutes the zone is ahead of UTC at that instant, read from Intl (the browser's own zone data). */
function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(at));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'));
  return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * The next start of a weekly meeting (day 0–6 and 'HH:MM' in its own zone) as an instant, or null for
 * an unknown zone. Two passes of the offset settle a start near a daylight-saving change.
 */
export function nextWeeklyStart(day: number, hhmm: string, timeZone: string, now = Date.now()): Date | null {
  try {
    const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
    const localNow = new Date(now + zoneOffsetMinutes(timeZone, now) * 60_000);
    for (let add = (day - localNow.getUTCDay() + 7) % 7; add <= 14; add += 7) {
      const wall = Date.UTC(localNow.getUTCFullYear(), localNow.getUTCMonth(), localNow.getUTCDate() + add, hours, minutes);
      let start = wall - zoneOffsetMinutes(timeZone, wall) * 60_000;
      start = wall - zoneOffsetMinutes(timeZone, start) * 60_000;
      if (start > now) return new Date(start);
    }
    return null;
  } catch {
    return null;
  }
}
