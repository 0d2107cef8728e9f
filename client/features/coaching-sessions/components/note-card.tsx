import { useTranslation } from 'react-i18next';
import type { SessionNote } from '../../../../shared/contracts/coaching-sessions.ts';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';

/** "Monday, November 23, 2026" for a YYYY-MM-DD day, without any time zone shift. */
export function useDay() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
}

/** One note, read-only: for the member, the coach and a reviewing supervisor alike. */
export function NoteCard({ note, showMember = false, children }: { note: SessionNote; showMember?: boolean; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const dateOf = (at: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(at));
  return (
    <li className="card">
      <div className="card-title-row">
        <h3>{day(note.occurredOn)}</h3>
        {note.signedOff ? (
          <StatusBadge tone="good">{t('coachingSessions.notes.signedOff', { alias: note.signedOff.by.alias })}</StatusBadge>
        ) : note.status === 'returned' ? (
          <StatusBadge tone="warn">{t('coachingSessions.notes.returned')}</StatusBadge>
        ) : (
          <StatusBadge tone="neutral">{t('coachingSessions.notes.awaiting')}</StatusBadge>
        )}
      </div>
      {note.corrected ? <p className="muted">{t('coachingSessions.notes.corrected', { day: dateOf(note.corrected.at) })}</p> : null}
      {note.returned ? (
        <div className="alert alert-info">
          <p>
            <strong>{t('coachingSessions.notes.returnedBy', { alias: note.returned.by.alias, day: dateOf(note.returned.at) })}</strong>
          </p>
          <p className="pre-line">{note.returned.comment}</p>
        </div>
      ) : null}
      <dl className="details note-details">
        {showMember ? (
          <div>
            <dt>{t('coachingSessions.notes.member')}</dt>
            <dd>{note.member.alias}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('coachingSessions.notes.author')}</dt>
          <dd>{note.author.alias}</dd>
        </div>
        <div>
          <dt>{t('coachingSessions.notes.contact')}</dt>
          <dd>
            {t(`coachingSessions.contactTypes.${note.contactType}`)} ·{' '}
            {t('coachingSessions.sessions.minutes', { count: note.durationMinutes })}
          </dd>
        </div>
        {note.lifeDomains.length > 0 ? (
          <div>
            <dt>{t('coachingSessions.note.lifeDomains')}</dt>
            <dd>
              <ul className="tag-list">
                {note.lifeDomains.map((domain) => (
                  <li key={domain} className="tag">
                    {t(`recoveryPlan.domains.${domain}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {note.goalsMoved.length > 0 ? (
          <div>
            <dt>{t('coachingSessions.note.goalsMoved')}</dt>
            <dd>
              <ul>
                {note.goalsMoved.map((goal) => (
                  <li key={goal}>{goal}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {note.summary ? (
          <div>
            <dt>{t('coachingSessions.note.summary')}</dt>
            <dd className="pre-line">{note.summary}</dd>
          </div>
        ) : null}
        {note.nextSteps ? (
          <div>
            <dt>{t('coachingSessions.note.nextSteps')}</dt>
            <dd className="pre-line">{note.nextSteps}</dd>
          </div>
        ) : null}
        {note.referrals.length > 0 ? (
          <div>
            <dt>{t('coachingSessions.note.referrals')}</dt>
            <dd>
              <ul>
                {note.referrals.map((r) => (
                  <li key={r.id}>
                    {r.service} — {t(`coachingSessions.referralStatuses.${r.status}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      {children}
    </li>
  );
}
