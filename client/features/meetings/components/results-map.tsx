import { circleMarker, control, featureGroup, type LatLngTuple, type Map as LeafletMap, map as leafletMap, tileLayer } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../lib/paths.ts';
import type { MapPoint } from './finder-map.tsx';
import './results-map.css';

export interface ResultsMapProps {
  tileUrl: string;
  /** Operator configuration (MAP_ATTRIBUTION), shown as the tile server asks: it may hold a link. */
  attribution: string | null;
  points: MapPoint[];
  /** The point a "near" search measured from. */
  searchPoint: LatLngTuple | null;
  /** Opens a meeting's page inside the app (a popup's link is a plain anchor, so this keeps the finder's state). */
  onOpenMeeting: (id: string) => void;
}

/**
 * The current results on a map. Loaded only when the organization configured a tile server, so Leaflet
 * and its stylesheet stay in their own files. The list remains the way to reach every meeting by
 * keyboard; the markers repeat its links, so they are not tab stops (twenty of them would stand between
 * a keyboard user and the list). Circle markers need no image files.
 */
export default function ResultsMap({ tileUrl, attribution, points, searchPoint, onOpenMeeting }: ResultsMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const [map, setMap] = useState<LeafletMap | null>(null);
  const openRef = useRef(onOpenMeeting);
  openRef.current = onOpenMeeting;

  useEffect(() => {
    if (!container.current) return;
    // Wheel zoom off: scrolling the page over the map keeps scrolling the page.
    const created = leafletMap(container.current, { zoomControl: false, scrollWheelZoom: false });
    control.zoom({ zoomInTitle: t('meetings.map.zoomIn'), zoomOutTitle: t('meetings.map.zoomOut') }).addTo(created);
    tileLayer(tileUrl, { attribution: attribution ?? undefined, maxZoom: 19 }).addTo(created);
    setMap(created);
    return () => {
      created.remove();
      setMap(null);
    };
  }, [tileUrl, attribution, t]);

  useEffect(() => {
    if (!map) return;
    const layer = featureGroup().addTo(map);
    for (const point of points) {
      circleMarker([point.latitude, point.longitude], { radius: 9, weight: 2, className: 'map-meeting' })
        .bindPopup(() => meetingLink(point, openRef))
        .addTo(layer);
    }
    if (searchPoint) {
      circleMarker(searchPoint, { radius: 6, weight: 3, className: 'map-search-point', interactive: false }).addTo(layer);
    }
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [28, 28], maxZoom: 15 });
    return () => {
      layer.remove();
    };
  }, [map, points, searchPoint]);

  return <section ref={container} className="results-map" aria-label={t('meetings.map.label', { count: points.length })} />;
}

/** A popup's content: the meeting's name as a link to its page (text only, never markup from the feed). */
function meetingLink(point: MapPoint, open: { current: (id: string) => void }): HTMLElement {
  const link = document.createElement('a');
  link.href = paths.meeting.to(point.id);
  link.textContent = point.name;
  link.className = 'map-meeting-link';
  link.addEventListener('click', (event) => {
    // A new tab or window keeps the browser's own behaviour.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open.current(point.id);
  });
  return link;
}
