import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonCard } from '../../../../shared/contracts/people.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useSharedProfile } from '../api/person.ts';
import { BreakGlassSection } from './break-glass-section.tsx';
import { ProfileDetails } from './person-details.tsx';

type Props = {
  person: PersonCard;
  /** The viewer is a supervisor or admin (ROLE_GROUPS.oversight). */
  canBreakGlass: boolean;
  /** The person shares their profile with the viewer now (or break-glass is open): otherwise nothing is asked. */
  shared: boolean;
};

/** "Emergency access open until …": focused when it appears right after opening, so screen readers hear it. */
function EmergencyBanner({ until, alias, focus }: { until: string; alias: string; focus: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus) return;
    // The confirm dialog closes as the banner appears, and react-aria may try to restore focus after us.
    const timers = [0, 120, 300].map((delay) => setTimeout(() => ref.current?.focus(), delay));
    return () => timers.forEach(clearTimeout);
  }, [focus]);
  return (
    <div ref={ref} className="alert alert-emergency" role="status" tabIndex={-1}>
      <p className="alert-title">{t('people.breakGlass.openUntil', { time: formatDateTime(until) })}</p>
      <p>{t('people.breakGlass.openNote', { alias })}</p>
    </div>
  );
}

/** The person's private profile as far as the viewer may see it, and break-glass when they may open it. */
export function ProfileAccess({ person, canBreakGlass, shared }: Props) {
  const { t } = useTranslation();
  const profile = useSharedProfile(person.id, shared);
  const [justOpened, setJustOpened] = useState(false);
  const refetch = profile.refetch;
  // The server says how this read was allowed, so the page never guesses between a grant and break-glass.
  const access = profile.data?.access;
  const viaBreakGlass = access?.via === 'break_glass' && access.until !== null ? access.until : null;

  // When the hour is up, read again: the server now refuses, and the page shows break-glass instead of the details.
  useEffect(() => {
    if (!viaBreakGlass) return;
    const timer = setTimeout(() => void refetch(), Math.max(Date.parse(viaBreakGlass) - Date.now(), 0) + 1000);
    return () => clearTimeout(timer);
  }, [viaBreakGlass, refetch]);

  // Not shared now: said plainly, and whatever was shown before a revocation is gone with it.
  const data = shared ? profile.data : null;
  const notShared = data === null;
  let body: ReactNode;
  if (notShared) body = <p className="empty">{t('people.profile.notShared', { alias: person.alias })}</p>;
  else if (profile.isPending) body = <Loading />;
  else if (profile.isError) body = <QueryError error={profile.error} onRetry={() => void refetch()} />;
  else if (data) {
    body = (
      <div className="card stack">
        {viaBreakGlass ? (
          <EmergencyBanner until={viaBreakGlass} alias={person.alias} focus={justOpened} />
        ) : (
          <p className="alert alert-info">{t('people.profile.sharedNote', { alias: person.alias })}</p>
        )}
        <ProfileDetails profile={data} />
      </div>
    );
  }

  return (
    <>
      <PageSection id="person-profile" title={t('people.profile.title')}>
        {body}
      </PageSection>
      {canBreakGlass && notShared ? <BreakGlassSection subject={person} onOpened={() => setJustOpened(true)} /> : null}
    </>
  );
}
