import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { useConversations, useOpenConversation } from '../../features/messages/api/messages.ts';
import { ConversationList } from '../../features/messages/components/conversation-list.tsx';
import { paths } from '../../lib/paths.ts';

/** My conversations, and the people I can start one with. */
export function MessagesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const conversations = useConversations();
  const open = useOpenConversation();
  return (
    <div className="stack-lg">
      <PageHeading title={t('messages.title')} lead={t('messages.lead')} />
      {conversations.isPending ? <Loading /> : null}
      {conversations.isError ? <QueryError error={conversations.error} onRetry={() => void conversations.refetch()} /> : null}
      {conversations.isSuccess ? (
        <>
          {conversations.data.available.length > 0 ? (
            <PageSection id="messages-available" title={t('messages.availableTitle')} lead={t('messages.availableLead')}>
              <ul className="card-list">
                {conversations.data.available.map((link) => (
                  <li key={`${link.kind}:${link.other.id}`} className="card">
                    <div className="card-title-row">
                      <h3>{link.other.alias}</h3>
                      <StatusBadge tone="neutral">{t(`messages.kinds.${link.kind}`)}</StatusBadge>
                    </div>
                    <div className="button-row">
                      <Button
                        variant="secondary"
                        isPending={open.isPending && open.variables?.with === link.other.id}
                        onPress={async () => {
                          const conversation = await open.mutateAsync({ kind: link.kind, with: link.other.id });
                          await navigate(paths.thread.to(conversation.id));
                        }}
                      >
                        {t('messages.start', { alias: link.other.alias })}
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
              {open.isError ? <QueryError error={open.error} /> : null}
            </PageSection>
          ) : null}
          <PageSection id="messages-conversations" title={t('messages.conversationsTitle')}>
            <ConversationList list={conversations.data} threadHref={paths.thread.to} />
          </PageSection>
        </>
      ) : null}
    </div>
  );
}
