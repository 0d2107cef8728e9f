import type { LatLngTuple } from 'leaflet';
import { type ComponentType, lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { MeetingFacets, MeetingListItem } from '../../../../shared/contracts/meetings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { paths } from '../../../lib/paths.ts';
import type { FromFinder } from './meeting-detail.tsx';
import type { ResultsMapProps } from './results-map.tsx';

// Leaflet is downloaded only by a finder whose organization configured a tile server. If its file cannot
// be fetched (offline, say), the page goes on without the map: the list has everything.
const ResultsMap = lazy(async (): Promise<{ default: ComponentType<ResultsMapProps> }> => {
  try {
    return await import('./results-map.tsx');
  } catch {
    return { default: () => null };
  }
});

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

/** Results with a place to go to: an online-only meeting's coordinates are at most its area. */
export function mapPoints(items: MeetingListItem[]): MapPoint[] {
  return items.flatMap((item) =>
    item.latitude !== null && item.longitude !== null && item.attendanceMode !== 'online'
      ? [{ id: item.id, name: item.name, latitude: item.latitude, longitude: item.longitude }]
      : [],
  );
}

function searchPointOf(apiQuery: string | null): LatLngTuple | null {
  const near = new URLSearchParams(apiQuery ?? '').get('near')?.split(',').map(Number);
  return near && near.length === 2 && near.every(Number.isFinite) ? [near[0] as number, near[1] as number] : null;
}

/** The map above the results, when the organization has one and some result has a place; it can be hidden. */
export function FinderMap({
  facets,
  items,
  apiQuery,
}: {
  facets: MeetingFacets | undefined;
  items: MeetingListItem[];
  apiQuery: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const [shown, setShown] = useState(true);
  const points = useMemo(() => mapPoints(items), [items]);
  const searchPoint = useMemo(() => searchPointOf(apiQuery), [apiQuery]);
  if (!facets?.mapTileUrl || points.length === 0) return null;
  const from: FromFinder = { finderSearch: search };
  return (
    <div className="finder-map stack">
      <Button
        variant="quiet"
        className="finder-map-toggle"
        aria-expanded={shown}
        aria-controls="finder-map"
        onPress={() => setShown(!shown)}
      >
        {shown ? t('meetings.map.hide') : t('meetings.map.show')}
      </Button>
      <div id="finder-map">
        {shown ? (
          <Suspense fallback={<div className="results-map-placeholder" />}>
            <ResultsMap
              tileUrl={facets.mapTileUrl}
              attribution={facets.mapAttribution}
              points={points}
              searchPoint={searchPoint}
              onOpenMeeting={(id) => navigate(paths.meeting.to(id), { state: from })}
            />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
