import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { useNoteRevisions } from '../api/coaching-sessions.ts';
import { useDay } from './note-card.tsx';

/** A corrected note's earlier texts, newest first, each with its sign-off and why it was replaced; read when opened. */
export function NoteHistory({ noteId, revision }: { noteId: string; revision: number }) {
  const { t, i18n } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const revisions = useNoteRevisions(noteId, isOpen);
  const day = useDay();
  const when = (at: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  if (revision <= 1) return null;
  const regionId = `note-history-${noteId}`;
  return (
    <div className="stack">
      <div className="button-row">
        <Button variant="quiet" aria-expanded={isOpen} aria-controls={regionId} onPress={() => setOpen((open) => !open)}>
          {isOpen ? t('coachingSessions.history.hide') : t('coachingSessions.history.show', { count: revision - 1 })}
        </Button>
      </div>
      <div id={regionId} hidden={!isOpen}>
        {isOpen && revisions.isPending ? <Loading /> : null}
        {isOpen && revisions.isError ? <QueryError error={revisions.error} onRetry={() => void revisions.refetch()} /> : null}
        {revisions.isSuccess ? (
          <ol className="stack">
            {revisions.data.revisions.map((r) => (
              <li key={r.revision} className="card">
                <h4>{t('coachingSessions.history.version', { number: r.revision })}</h4>
                <p className="muted">
                  {t('coachingSessions.history.replaced', { alias: r.replaced.by?.alias ?? '—', at: when(r.replaced.at) })}
                  {r.replaced.reason ? ` ${t('coachingSessions.history.reason', { reason: r.replaced.reason })}` : ''}
                </p>
                {r.signedOff ? <p className="muted">{t('coachingSessions.notes.signedOff', { alias: r.signedOff.by.alias })}</p> : null}
                <dl className="details note-details">
                  <div>
                    <dt>{t('coachingSessions.note.occurredOn')}</dt>
                    <dd>
                      {day(r.occurredOn)} · {t(`coachingSessions.contactTypes.${r.contactType}`)} ·{' '}
                      {t('coachingSessions.sessions.minutes', { count: r.durationMinutes })}
                    </dd>
                  </div>
                  {r.goalsMoved.length > 0 ? (
                    <div>
                      <dt>{t('coachingSessions.note.goalsMoved')}</dt>
                      <dd>{r.goalsMoved.join(' · ')}</dd>
                    </div>
                  ) : null}
                  {r.summary ? (
                    <div>
                      <dt>{t('coachingSessions.note.summary')}</dt>
                      <dd className="pre-line">{r.summary}</dd>
                    </div>
                  ) : null}
                  {r.nextSteps ? (
                    <div>
                      <dt>{t('coachingSessions.note.nextSteps')}</dt>
                      <dd className="pre-line">{r.nextSteps}</dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </div>
  );
}
