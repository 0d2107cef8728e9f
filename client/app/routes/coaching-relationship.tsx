import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import {
  useRelationshipNotes,
  useRelationshipReferrals,
  useRelationshipSessions,
} from '../../features/coaching-sessions/api/coaching-sessions.ts';
import { NoteCard } from '../../features/coaching-sessions/components/note-card.tsx';
import { NoteCorrection } from '../../features/coaching-sessions/components/note-correction.tsx';
import { NoteForm } from '../../features/coaching-sessions/components/note-form.tsx';
import { NoteHistory } from '../../features/coaching-sessions/components/note-history.tsx';
import { ReferralList } from '../../features/coaching-sessions/components/referral-list.tsx';
import { ScheduleSessionForm } from '../../features/coaching-sessions/components/schedule-session-form.tsx';
import { SessionList } from '../../features/coaching-sessions/components/session-list.tsx';
import { paths } from '../../lib/paths.ts';
import { MessageButton } from './message-button.tsx';

/**
 * One coaching relationship: sessions, notes and referrals. The coach schedules and documents; the
 * member reads their sessions and every note about them; a supervisor reviews (their read is logged).
 */
export function CoachingRelationshipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const sessions = useRelationshipSessions(id);
  const ready = sessions.isSuccess;
  const notes = useRelationshipNotes(id, ready);
  const referrals = useRelationshipReferrals(id, ready);

  if (sessions.isPending) return <Loading />;
  if (sessions.isError) return <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const { relationship } = sessions.data;
  const isCoach = relationship.viewer === 'coach';
  const canWrite = isCoach && (relationship.status === 'active' || relationship.status === 'paused');
  const now = Date.now();
  const upcoming = sessions.data.sessions
    .filter((s) => s.status === 'scheduled' && new Date(s.scheduledAt).getTime() + s.durationMinutes * 60_000 > now)
    .reverse();
  const past = sessions.data.sessions.filter((s) => !upcoming.includes(s));
  // The coach and the member can write to each other; a supervisor only reads.
  const other = isCoach ? relationship.member : relationship.viewer === 'member' ? relationship.coach : null;
  const title =
    relationship.viewer === 'member'
      ? t('coachingSessions.page.titleMember', { alias: relationship.coach?.alias ?? '' })
      : t('coachingSessions.page.titleCoach', { alias: relationship.member.alias });

  return (
    <div className="stack">
      <PageHeading title={title} lead={t(`coachingSessions.page.lead.${relationship.viewer}`)} />
      <div className="button-row">
        {relationship.viewer === 'member' ? null : (
          <Link to={paths.person.to(relationship.member.id)} className="btn btn-secondary">
            {t('personView.open', { alias: relationship.member.alias })}
          </Link>
        )}
        {other && (relationship.status === 'active' || relationship.status === 'paused') ? (
          <MessageButton kind="coaching" person={other.id} label={t('messages.start', { alias: other.alias })} />
        ) : null}
      </div>
      <PageSection id="sessions-upcoming" title={t('coachingSessions.sessions.upcoming')}>
        <SessionList relationshipId={id} sessions={upcoming} isCoach={isCoach} empty={t('coachingSessions.sessions.noneUpcoming')} />
      </PageSection>
      {isCoach && relationship.status === 'active' ? (
        <PageSection id="sessions-schedule" title={t('coachingSessions.schedule.title')} lead={t('coachingSessions.schedule.lead')}>
          <ScheduleSessionForm relationshipId={id} />
        </PageSection>
      ) : null}
      {past.length > 0 ? (
        <PageSection id="sessions-past" title={t('coachingSessions.sessions.past')}>
          <SessionList relationshipId={id} sessions={past} isCoach={isCoach} empty="" />
        </PageSection>
      ) : null}
      <PageSection
        id="notes"
        title={t('coachingSessions.notes.title')}
        lead={relationship.viewer === 'member' ? t('coachingSessions.notes.leadMember') : undefined}
      >
        {notes.isPending ? <Loading /> : null}
        {notes.isError ? <QueryError error={notes.error} onRetry={() => void notes.refetch()} /> : null}
        {notes.isSuccess && notes.data.notes.length === 0 ? <p className="empty">{t('coachingSessions.notes.empty')}</p> : null}
        {notes.isSuccess && notes.data.notes.length > 0 ? (
          <ul className="card-list">
            {notes.data.notes.map((note) => (
              <NoteCard key={note.id} note={note}>
                <NoteHistory noteId={note.id} revision={note.revision} />
                {canWrite && note.author.id === relationship.coach?.id ? <NoteCorrection note={note} /> : null}
              </NoteCard>
            ))}
          </ul>
        ) : null}
      </PageSection>
      {canWrite ? (
        <PageSection id="notes-write" title={t('coachingSessions.note.title')} lead={t('coachingSessions.note.lead')}>
          <NoteForm relationshipId={id} sessions={sessions.data.sessions} />
        </PageSection>
      ) : null}
      <PageSection id="referrals" title={t('coachingSessions.referrals.title')}>
        {referrals.isPending ? <Loading /> : null}
        {referrals.isError ? <QueryError error={referrals.error} onRetry={() => void referrals.refetch()} /> : null}
        {referrals.isSuccess ? <ReferralList relationshipId={id} referrals={referrals.data.referrals} isCoach={isCoach} /> : null}
      </PageSection>
    </div>
  );
}
