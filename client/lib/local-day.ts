/** Calendar days as YYYY-MM-DD strings, counted in UTC so no time zone or DST change can shift them. */
function toUtc(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(day: string, count: number): string {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** A local day as a Date at noon UTC: formatting it in any zone from UTC−11 to UTC+11 shows the same day. */
export function dayAsDate(day: string): Date {
  const date = toUtc(day);
  date.setUTCHours(12);
  return date;
}

/** "Mon, Nov 24" style: a day the person recognises at a glance. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(dayAsDate(day));
}

/** "Dec 3, 2026": a calendar day with its year. */
export function formatLongDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(dayAsDate(day));
}
