import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { idSchema } from '../../../shared/contracts/common.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useThread } from '../../features/messages/api/use-thread.ts';
import { MessageThread } from '../../features/messages/components/message-thread.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { paths } from '../../lib/paths.ts';
import { NotFound } from './not-found.tsx';

function Thread({ id }: { id: string }) {
  const { t } = useTranslation();
  const thread = useThread(id);
  const back = (
    <p>
      <Link to={paths.messages}>{t('messages.back')}</Link>
    </p>
  );
  if (thread.status === 'error' && isApiError(thread.error, 'NOT_FOUND')) {
    return (
      <div className="stack-lg">
        <PageHeading title={t('messages.notFoundTitle')} lead={t('messages.notFoundBody')} />
        {back}
      </div>
    );
  }
  const alias = thread.conversation?.other.alias;
  return (
    <div className="stack-lg">
      {back}
      <PageHeading
        title={alias ? t('messages.threadTitle', { alias }) : t('messages.title')}
        lead={thread.conversation ? t(`messages.kinds.${thread.conversation.kind}`) : undefined}
      />
      {thread.status === 'loading' ? <Loading /> : null}
      {thread.status === 'error' ? <QueryError error={thread.error} onRetry={() => window.location.reload()} /> : null}
      {thread.status === 'ready' ? <MessageThread thread={thread} /> : null}
    </div>
  );
}

/** One conversation, kept fresh by polling while the page is visible. */
export function MessageThreadPage() {
  const { id = '' } = useParams();
  if (!idSchema.safeParse(id).success) return <NotFound />;
  return <Thread key={id} id={id} />;
}
