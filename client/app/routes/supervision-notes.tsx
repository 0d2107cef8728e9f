import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { SignOffQueue } from '../../features/coaching-sessions/components/sign-off-queue.tsx';
import { paths } from '../../lib/paths.ts';
import { useSessionData } from '../../lib/session.ts';

/** Supervisors and admins: coaching notes waiting for review and sign-off. */
export function SupervisionNotesPage() {
  const { t } = useTranslation();
  const { user } = useSessionData();
  return (
    <div className="stack">
      <PageHeading title={t('coachingSessions.signOff.title')} lead={t('coachingSessions.signOff.lead')} />
      <SignOffQueue selfId={user?.id ?? ''} relationshipHref={paths.coachingRelationship.to} />
    </div>
  );
}
