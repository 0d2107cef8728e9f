import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationList as List } from '../../../../shared/contracts/messages.ts';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';

type Props = { list: List; threadHref: (id: string) => string };

/** My conversations, newest activity first: who, what kind, the last message and how many are unread. */
export function ConversationList({ list, threadHref }: Props) {
  const { t } = useTranslation();
  if (list.conversations.length === 0) return <p className="muted">{t('messages.none')}</p>;
  return (
    <ul className="card-list conversation-list">
      {list.conversations.map((conversation) => {
        const last = conversation.lastMessage;
        return (
          <li key={conversation.id} className="card conversation-item">
            <div className="card-title-row">
              <h3>
                <Link to={threadHref(conversation.id)}>{conversation.other.alias}</Link>
              </h3>
              <span className="conversation-badges">
                <StatusBadge tone="neutral">{t(`messages.kinds.${conversation.kind}`)}</StatusBadge>
                {conversation.canSend ? null : <StatusBadge tone="warn">{t('messages.ended')}</StatusBadge>}
                {conversation.unread > 0 ? (
                  <StatusBadge tone="alert">{t('messages.unread', { count: conversation.unread })}</StatusBadge>
                ) : null}
              </span>
            </div>
            <p className="conversation-preview">
              {last ? (last.mine ? t('messages.you', { text: last.preview }) : last.preview) : t('messages.noMessagesYet')}
            </p>
            {last ? <p className="muted conversation-time">{formatDateTime(last.at)}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
