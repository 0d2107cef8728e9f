import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/form-errors.ts';
import { paths } from '../../../lib/paths.ts';
import { useAcceptBuddyRequest, useOpenBuddyRequests } from '../api/buddies.ts';
import { formatInZone } from '../format-time.ts';

type Outcome = { tone: 'success' | 'error'; text: string; conversationId?: string | null };

/** For volunteers: who would like company, and "I will go". Only alias, meeting, time and note are known. */
export function OpenBuddyRequests() {
  const { t, i18n } = useTranslation();
  const open = useOpenBuddyRequests(true);
  const accept = useAcceptBuddyRequest();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (open.isPending) return <Loading />;
  if (open.isError) return <QueryError error={open.error} onRetry={() => void open.refetch()} />;
  const zone = open.data.timezone;
  return (
    <div className="stack">
      {outcome ? (
        <FormAlert tone={outcome.tone}>
          {outcome.text}{' '}
          {outcome.conversationId ? <Link to={paths.thread.to(outcome.conversationId)}>{t('nav.items.messages')}</Link> : null}
        </FormAlert>
      ) : null}
      {open.data.requests.length === 0 ? (
        <p className="muted">{t('buddies.open.none')}</p>
      ) : (
        <ul className="card-list">
          {open.data.requests.map((request) => (
            <li key={request.id} className="card stack-sm">
              <h3>{t('buddies.open.who', { alias: request.requesterAlias })}</h3>
              <p>
                <Link to={paths.meeting.to(request.meeting.id)}>{request.meeting.name}</Link>
                {request.meeting.place ? <span className="muted"> · {request.meeting.place}</span> : null}
              </p>
              <p>{t('buddies.open.yourTime', { when: formatInZone(request.occursAt, zone) })}</p>
              {request.meeting.timezone !== zone ? (
                <p className="muted">{t('buddies.open.meetingTime', { when: formatInZone(request.occursAt, request.meeting.timezone) })}</p>
              ) : null}
              {request.note ? <p className="quote">{t('buddies.open.note', { note: request.note })}</p> : null}
              <div className="button-row">
                <Button
                  isPending={accept.isPending && accept.variables === request.id}
                  onPress={async () => {
                    setOutcome(null);
                    try {
                      const overview = await accept.mutateAsync(request.id);
                      const matched = overview.requests.find((r) => r.id === request.id);
                      setOutcome({
                        tone: 'success',
                        text: t('buddies.open.accepted', { alias: request.requesterAlias }),
                        conversationId: matched?.conversationId ?? null,
                      });
                    } catch (error) {
                      const text = isApiError(error, 'CONFLICT')
                        ? t('buddies.open.taken')
                        : (describeError(error, t, i18n.language).message ?? t('apiErrors.INTERNAL'));
                      setOutcome({ tone: 'error', text });
                    }
                  }}
                >
                  {t('buddies.open.accept', { alias: request.requesterAlias })}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
