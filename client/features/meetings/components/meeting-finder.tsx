import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { useMeetingFacets, useMeetingSearch } from '../api/meetings.ts';
import { apiQueryFromUrl, filtersFromUrl, filtersToUrl, viewerTimeZone } from './finder-filters.ts';
import { FinderForm } from './finder-form.tsx';
import { FinderMap } from './finder-map.tsx';
import { MeetingCard } from './meeting-card.tsx';
import './meetings.css';

/**
 * The public meeting finder under the page's heading: filters in the URL, results a server page at a time, times in
 * the viewer's zone.
 */
export function MeetingFinder() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const timeZone = useMemo(viewerTimeZone, []);
  const facets = useMeetingFacets();
  // Without facets a region cannot become a point; rather than wait forever, search without distance.
  const apiQuery = apiQueryFromUrl(params, timeZone, facets.isError ? { ...EMPTY_FACETS } : facets.data);
  const results = useMeetingSearch(apiQuery);
  // One list per server answer, so the map does not redraw (and lose its zoom) on every render.
  const items = useMemo(() => results.data?.pages.flatMap((page) => page.items) ?? [], [results.data]);
  // After "Search" the form is drawn anew and the results sit below it (off screen on a phone): the
  // results heading takes focus and is scrolled to, so keyboard and screen reader users land on them.
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const [searches, setSearches] = useState(0);
  useEffect(() => {
    if (searches === 0) return;
    resultsHeading.current?.focus({ preventScroll: true });
    resultsHeading.current?.scrollIntoView({ block: 'start' });
  }, [searches]);

  return (
    <>
      <FinderForm
        key={params.toString()}
        initial={filtersFromUrl(params)}
        facets={facets.data}
        onSearch={(filters) => {
          setParams(filtersToUrl(filters), { preventScrollReset: true });
          setSearches((n) => n + 1);
        }}
      />
      <section className="section" aria-labelledby="finder-results">
        <h2 id="finder-results" ref={resultsHeading} tabIndex={-1}>
          {t('meetings.results.title')}
        </h2>
        {results.isPending ? <Loading /> : null}
        {results.isError ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
        <FinderMap facets={facets.data} items={items} apiQuery={apiQuery} />
        {results.isSuccess && items.length === 0 ? <p className="empty">{t('meetings.results.none')}</p> : null}
        {items.length > 0 ? (
          <ul className="card-list">
            {items.map((meeting) => (
              <MeetingCard key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        ) : null}
        {results.hasNextPage ? (
          <Button variant="secondary" isPending={results.isFetchingNextPage} onPress={() => void results.fetchNextPage()}>
            {t('meetings.results.more')}
          </Button>
        ) : null}
        {results.isFetchingNextPage ? (
          <p className="visually-hidden" role="status">
            {t('meetings.results.loadingMore')}
          </p>
        ) : null}
      </section>
    </>
  );
}

const EMPTY_FACETS = { fellowships: [], languages: [], regions: [], mapTileUrl: null, mapAttribution: null };
