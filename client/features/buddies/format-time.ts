import i18next from 'i18next';

/** A meeting time in a given zone, with the zone's short name so nobody mistakes whose time it is. */
export function formatInZone(value: string, zone: string): string {
  return new Intl.DateTimeFormat(i18next.language, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(value));
}
