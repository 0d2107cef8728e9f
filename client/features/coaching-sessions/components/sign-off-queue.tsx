import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { useAwaitingSignOff, useSignOff } from '../api/coaching-sessions.ts';
import { NoteCard, useDay } from './note-card.tsx';
import { NoteHistory } from './note-history.tsx';
import { ReturnNote } from './return-note.tsx';

/** Notes waiting for a supervisor, oldest first, each with its sign-off button. Opening this list is logged. */
export function SignOffQueue({ selfId, relationshipHref }: { selfId: string; relationshipHref: (relationshipId: string) => string }) {
  const { t } = useTranslation();
  const queue = useAwaitingSignOff();
  const signOff = useSignOff();
  const day = useDay();
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  if (queue.data.notes.length === 0) return <p className="empty">{t('coachingSessions.signOff.empty')}</p>;
  return (
    <>
      <p className="muted">{t('coachingSessions.signOff.logged')}</p>
      {signOff.isError ? <FormAlert>{t('coachingSessions.sessions.actionFailed')}</FormAlert> : null}
      <ul className="card-list" aria-live="polite">
        {queue.data.notes.map((note) => (
          <NoteCard key={note.id} note={note} showMember>
            <p>
              <Link to={relationshipHref(note.relationshipId)}>{t('coachingSessions.signOff.open', { alias: note.member.alias })}</Link>
            </p>
            <NoteHistory noteId={note.id} revision={note.revision} />
            {note.author.id === selfId ? (
              <p className="muted">{t('coachingSessions.signOff.own')}</p>
            ) : (
              <div className="button-row">
                <Button isPending={signOff.isPending && signOff.variables === note.id} onPress={() => signOff.mutate(note.id)}>
                  {t('coachingSessions.signOff.submit')}{' '}
                  <span className="visually-hidden">
                    {t('coachingSessions.signOff.submitContext', { day: day(note.occurredOn), alias: note.member.alias })}
                  </span>
                </Button>
              </div>
            )}
            {note.author.id === selfId ? null : (
              <ReturnNote
                note={note}
                context={t('coachingSessions.signOff.submitContext', { day: day(note.occurredOn), alias: note.member.alias })}
              />
            )}
          </NoteCard>
        ))}
      </ul>
    </>
  );
}
