import { useTranslation } from 'react-i18next';

const DAY: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

/**
 * "Saturday, December 5, 2026 at 7:00 PM – 9:00 PM EST" in this device's zone (the viewer's) and the
 * page's language; the zone is named once, at the end.
 */
export function useEventTime() {
  const { i18n } = useTranslation();
  const long = new Intl.DateTimeFormat(i18n.language, DAY);
  const longZoned = new Intl.DateTimeFormat(i18n.language, { ...DAY, timeZoneName: 'short' });
  const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();
  return (startIso: string, endIso: string) => {
    const start = new Date(startIso);
    const end = new Date(endIso);
    return { start: long.format(start), end: sameDay(start, end) ? time.format(end) : longZoned.format(end) };
  };
}
