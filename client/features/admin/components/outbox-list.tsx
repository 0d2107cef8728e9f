import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useOutbox } from '../api/logs.ts';

const STATUS_TONE = { sent: 'good', held: 'neutral', failed: 'alert' } as const;

function firstLink(text: string | null): string | null {
  return text?.match(/https?:\/\/\S+/)?.[0] ?? null;
}

/** Held emails usually carry one link (an invitation, a reset): one tap copies it to pass on by hand. */
function CopyLink({ link, describedBy }: { link: string; describedBy: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="button-row">
      <Button
        variant="secondary"
        aria-describedby={describedBy}
        onPress={async () => {
          try {
            await navigator.clipboard.writeText(link);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {t('admin.outbox.copyLink')}
      </Button>
      <span role="status" className="muted">
        {copied ? t('admin.outbox.copied') : ''}
      </span>
    </div>
  );
}

/** Emails the server could not send (no SMTP yet) wait here, so an admin can copy an invite link by hand. */
export function OutboxList() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  if (outbox.isPending) return <Loading />;
  if (outbox.isError) return <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />;
  if (outbox.data.length === 0) return <p className="empty">{t('admin.outbox.empty')}</p>;
  return (
    <ul className="card-list">
      {outbox.data.map((message) => {
        const link = firstLink(message.text);
        const titleId = `outbox-${message.id}`;
        return (
          <li key={message.id} className="card">
            <div className="card-title-row">
              <h2 className="h3" id={titleId}>
                {message.subject}
              </h2>
              <StatusBadge tone={STATUS_TONE[message.status]}>{t(`admin.outbox.status.${message.status}`)}</StatusBadge>
            </div>
            <p className="break-word">{t('admin.outbox.to', { email: message.to })}</p>
            <p className="muted">
              <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
            </p>
            {message.text ? <pre className="message-text">{message.text}</pre> : null}
            {link ? <CopyLink link={link} describedBy={titleId} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
