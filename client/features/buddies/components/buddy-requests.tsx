import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyBuddyRequest } from '../../../../shared/contracts/buddies.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { paths } from '../../../lib/paths.ts';
import { useCancelBuddyRequest } from '../api/buddies.ts';
import { formatInZone } from '../format-time.ts';

const TONES = { open: 'warn', matched: 'good', cancelled: 'neutral', expired: 'neutral' } as const;

function RequestCard({ request }: { request: MyBuddyRequest }) {
  const { t } = useTranslation();
  const cancel = useCancelBuddyRequest();
  const titleId = `buddy-request-${request.id}`;
  const live = request.status === 'open' || request.status === 'matched';
  return (
    <li className="card stack-sm">
      <div className="card-title-row">
        <h3 id={titleId}>
          <Link to={paths.meeting.to(request.meeting.id)}>{request.meeting.name}</Link>
        </h3>
        <StatusBadge tone={TONES[request.status]}>{t(`buddies.status.${request.status}`)}</StatusBadge>
      </div>
      <p>{t('buddies.mine.when', { when: formatInZone(request.occursAt, request.meeting.timezone) })}</p>
      {request.meeting.place ? <p className="muted">{request.meeting.place}</p> : null}
      {request.note ? (
        <p className="muted">{t(request.iAmBuddy ? 'buddies.mine.theirNote' : 'buddies.mine.yourNote', { note: request.note })}</p>
      ) : null}
      {request.buddy ? (
        <p>{t(request.iAmBuddy ? 'buddies.mine.goingWith' : 'buddies.mine.buddy', { alias: request.buddy.alias })}</p>
      ) : null}
      <div className="button-row">
        {request.conversationId && request.buddy ? (
          <Link className="btn btn-primary" to={paths.thread.to(request.conversationId)}>
            {t('buddies.mine.message', { alias: request.buddy.alias })}
          </Link>
        ) : null}
        {live && !request.iAmBuddy ? (
          <ConfirmDialog
            triggerLabel={t('buddies.mine.cancel')}
            triggerVariant="secondary"
            triggerDescribedBy={titleId}
            title={t('buddies.mine.cancelTitle')}
            confirmLabel={t('buddies.mine.cancel')}
            danger
            onConfirm={async () => {
              await cancel.mutateAsync(request.id);
            }}
          >
            <p>{t('buddies.mine.cancelBody')}</p>
          </ConfirmDialog>
        ) : null}
      </div>
    </li>
  );
}

/** My requests, or the requests I said yes to, soonest first. */
export function BuddyRequestList({ requests, empty }: { requests: readonly MyBuddyRequest[]; empty: React.ReactNode }) {
  if (requests.length === 0) return <>{empty}</>;
  return (
    <ul className="card-list">
      {requests.map((request) => (
        <RequestCard key={request.id} request={request} />
      ))}
    </ul>
  );
}
