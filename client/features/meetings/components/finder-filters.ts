import { MEETING_FINDER_LIMITS, type MeetingFacets } from '../../../../shared/contracts/meetings.ts';

/**
 * The finder's filters live in the page's URL (so a search can be shared and Back returns to it). The
 * URL uses the API's own parameter names, plus `region` (a name from the facets, turned into a point
 * here) and `radius`.
 */

export const WHEN_CHOICES = ['now', 'soon', 'today', 'window', 'any'] as const;
export type WhenChoice = (typeof WHEN_CHOICES)[number];
export const PLACE_CHOICES = ['anywhere', 'here', 'region'] as const;
export type PlaceChoice = (typeof PLACE_CHOICES)[number];
export const MODE_CHOICES = ['in_person', 'online', 'hybrid'] as const;
export const ACCESS_CHOICES = ['X', 'XB', 'ASL'] as const;
export const RADIUS_CHOICES = ['2', '5', '10', '25', '50', '100'] as const;

export interface FinderFilters {
  /** Words of a meeting's or group's name (matched on the server). */
  q: string;
  when: WhenChoice;
  day: string;
  from: string;
  to: string;
  modes: string[];
  fellowship: string;
  language: string;
  type: string;
  access: string[];
  place: PlaceChoice;
  /** "lat,lng" from the device, rounded (see roundedPoint). */
  near: string;
  region: string;
  radius: string;
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const oneOf = <T extends string>(choices: readonly T[], value: string | null, fallback: T): T =>
  choices.includes(value as T) ? (value as T) : fallback;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function filtersFromUrl(params: URLSearchParams, today = new Date()): FinderFilters {
  const region = params.get('region') ?? '';
  const near = params.get('near') ?? '';
  const day = params.get('day');
  return {
    q: (params.get('q') ?? '').slice(0, MEETING_FINDER_LIMITS.searchMax),
    when: oneOf(WHEN_CHOICES, params.get('when'), 'any'),
    day: day !== null && /^[0-6]$/.test(day) ? day : String(today.getDay()),
    from: HHMM.test(params.get('from') ?? '') ? (params.get('from') as string) : '18:00',
    to: HHMM.test(params.get('to') ?? '') ? (params.get('to') as string) : '21:00',
    modes: list(params.get('mode')).filter((m) => (MODE_CHOICES as readonly string[]).includes(m)),
    fellowship: params.get('fellowship') ?? '',
    language: params.get('language') ?? '',
    type: list(params.get('types'))[0] ?? '',
    access: list(params.get('access')).filter((a) => (ACCESS_CHOICES as readonly string[]).includes(a)),
    place: region ? 'region' : near ? 'here' : 'anywhere',
    near,
    region,
    radius: oneOf(RADIUS_CHOICES, params.get('radius'), String(MEETING_FINDER_LIMITS.radiusKmDefault) as '25'),
  };
}

/** The page URL for these filters: only what differs from the defaults, so shared links stay short. */
export function filtersToUrl(filters: FinderFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.when !== 'any') params.set('when', filters.when);
  if (filters.when === 'window') {
    params.set('day', filters.day);
    params.set('from', filters.from);
    params.set('to', filters.to);
  }
  if (filters.modes.length > 0) params.set('mode', filters.modes.join(','));
  if (filters.fellowship) params.set('fellowship', filters.fellowship);
  if (filters.language) params.set('language', filters.language);
  if (filters.type) params.set('types', filters.type);
  if (filters.access.length > 0) params.set('access', filters.access.join(','));
  if (filters.place === 'here' && filters.near) params.set('near', filters.near);
  if (filters.place === 'region' && filters.region) params.set('region', filters.region);
  if ((params.has('near') || params.has('region')) && filters.radius !== String(MEETING_FINDER_LIMITS.radiusKmDefault)) {
    params.set('radius', filters.radius);
  }
  return params;
}

/**
 * The API query for the page URL, or null while a region's point is not known yet (the facets are
 * still loading). Times are asked for in the viewer's own zone.
 */
export function apiQueryFromUrl(params: URLSearchParams, timeZone: string, facets: MeetingFacets | undefined): string | null {
  const filters = filtersFromUrl(params);
  const query = new URLSearchParams({ tz: timeZone, limit: String(MEETING_FINDER_LIMITS.pageDefault) });
  for (const key of ['q', 'when', 'day', 'from', 'to', 'mode', 'fellowship', 'language', 'types', 'access'] as const) {
    const value = filtersToUrl(filters).get(key);
    if (value) query.set(key, value);
  }
  let near: string | null = null;
  if (filters.place === 'here') near = filters.near;
  if (filters.place === 'region') {
    if (!facets) return null;
    const region = facets.regions.find((r) => r.name === filters.region);
    if (region) near = `${region.latitude.toFixed(5)},${region.longitude.toFixed(5)}`;
  }
  if (near) {
    query.set('near', near);
    query.set('radiusKm', filters.radius);
  }
  return query.toString();
}

/**
 * A device position rounded to two decimals (about a kilometre): enough for "meetings within N km",
 * and a shared link or server log then never holds where someone stands to the metre.
 */
export function roundedPoint(latitude: number, longitude: number): string {
  return `${latitude.toFixed(2)},${longitude.toFixed(2)}`;
}

export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
