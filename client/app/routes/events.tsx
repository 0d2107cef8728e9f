import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useUpcomingEvents } from '../../features/events/api/events.ts';
import { EventForm } from '../../features/events/components/event-form.tsx';
import { EventList } from '../../features/events/components/event-list.tsx';

/** Sober social events and workshops: the ones to come, and (organizers) a form to plan one. */
export function EventsPage() {
  const { t } = useTranslation();
  // Pages are loaded one cursor at a time; earlier pages stay on screen.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <div className="stack-lg">
      <PageHeading title={t('events.title')} lead={t('events.lead')} />
      <PageSection id="events-upcoming" title={t('events.upcoming')}>
        {cursors.map((cursor, index) => (
          <UpcomingChunk
            key={cursor ?? 'first'}
            cursor={cursor}
            isLast={index === cursors.length - 1}
            onMore={(next) => setCursors((list) => [...list, next])}
          />
        ))}
      </PageSection>
      <OrganizerForm />
    </div>
  );
}

function UpcomingChunk({ cursor, isLast, onMore }: { cursor: string | null; isLast: boolean; onMore: (next: string) => void }) {
  const { t } = useTranslation();
  const page = useUpcomingEvents(cursor);
  if (page.isPending) return <Loading />;
  if (page.isError) return <QueryError error={page.error} onRetry={() => void page.refetch()} />;
  if (cursor && page.data.events.length === 0) return null;
  return (
    <>
      <EventList events={page.data.events} />
      {isLast && page.data.nextCursor ? (
        <Button variant="secondary" onPress={() => page.data.nextCursor && onMore(page.data.nextCursor)}>
          {t('events.more')}
        </Button>
      ) : null}
    </>
  );
}

function OrganizerForm() {
  const { t } = useTranslation();
  const first = useUpcomingEvents(null);
  if (!first.data?.canCreate) return null;
  return (
    <PageSection id="events-create" title={t('events.form.createTitle')}>
      <div className="card">
        <EventForm />
      </div>
    </PageSection>
  );
}
