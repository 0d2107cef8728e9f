import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_LIMITS, type Message } from '../../../../shared/contracts/messages.ts';
import { Button } from '../../../components/ui/button.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { Outgoing, useThread } from '../api/use-thread.ts';

type Thread = ReturnType<typeof useThread>;

/** The words, as text: React escapes them, and line breaks are kept by CSS (never HTML). */
function Bubble({ message, alias, seen }: { message: Message; alias: string; seen: boolean }) {
  const { t } = useTranslation();
  return (
    <li className={`message ${message.mine ? 'message-mine' : 'message-theirs'}`}>
      <span className="visually-hidden">{message.mine ? t('messages.youSaid') : t('messages.theySaid', { alias })}</span>
      <p className="message-body">{message.body}</p>
      <p className="message-meta">
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
        {seen ? <span className="message-seen"> · {t('messages.seen')}</span> : null}
      </p>
    </li>
  );
}

function Pending({ item, onRetry, onDiscard }: { item: Outgoing; onRetry: () => void; onDiscard: () => void }) {
  const { t, i18n } = useTranslation();
  const failed = item.state === 'failed';
  let reason: string | null = null;
  if (failed) {
    if (isApiError(item.error, 'RATE_LIMITED')) reason = t('messages.rateLimited');
    else if (isApiError(item.error, 'CONFLICT')) reason = t('messages.endedError');
    else reason = describeError(item.error, t, i18n.language).message;
  }
  return (
    <li className={`message message-mine ${failed ? 'message-failed' : 'message-pending'}`}>
      <p className="message-body">{item.body}</p>
      <p className="message-meta">{failed ? t('messages.notSent') : t('messages.sending')}</p>
      {reason ? (
        <p className="field-error" role="alert">
          {reason}
        </p>
      ) : null}
      {failed ? (
        <div className="button-row">
          <Button variant="secondary" onPress={onRetry}>
            {t('messages.retry')}
          </Button>
          <Button variant="quiet" onPress={onDiscard}>
            {t('messages.discard')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** The conversation: oldest at the top, newest at the bottom, new arrivals announced politely, and the composer. */
export function MessageThread({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const alias = thread.conversation?.other.alias ?? '';
  const canSend = thread.conversation?.canSend ?? false;
  const listRef = useRef<HTMLOListElement>(null);
  const [draft, setDraft] = useState('');
  const [tooLong, setTooLong] = useState(false);
  const composerId = useId();
  const hintId = useId();
  const errorId = useId();

  const lastSeq = thread.messages.at(-1)?.seq ?? 0;
  const seenSeq = thread.messages.findLast((m) => m.mine && m.seq <= thread.readUpTo)?.seq;

  // Keep the newest message in view as messages arrive or are queued.
  const count = thread.messages.length + thread.outbox.length;
  useEffect(() => {
    const list = listRef.current;
    if (list && count > 0) list.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [count]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    if (body.length > MESSAGE_LIMITS.bodyMax) {
      setTooLong(true);
      return;
    }
    setTooLong(false);
    thread.send(body);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const latest = thread.arrived.at(-1);
  return (
    <div className="stack thread">
      {thread.hasOlder ? (
        <Button variant="quiet" onPress={() => void thread.loadOlder()}>
          {t('messages.older')}
        </Button>
      ) : null}
      {thread.messages.length === 0 && thread.outbox.length === 0 ? <p className="muted">{t('messages.empty')}</p> : null}
      <ol ref={listRef} className="message-list" aria-label={t('messages.threadLabel', { alias })} data-last-seq={lastSeq}>
        {thread.messages.map((message) => (
          <Bubble key={message.seq} message={message} alias={alias} seen={message.seq === seenSeq} />
        ))}
        {thread.outbox.map((item) => (
          <Pending key={item.key} item={item} onRetry={() => thread.retry(item.key)} onDiscard={() => thread.discard(item.key)} />
        ))}
      </ol>
      <div className="visually-hidden" aria-live="polite">
        {latest ? t('messages.arrived', { alias, text: latest.body }) : ''}
      </div>
      {canSend ? (
        <form className="composer" onSubmit={submit}>
          <div className="field">
            <label className="field-label" htmlFor={composerId}>
              {t('messages.composer', { alias })}
            </label>
            <textarea
              id={composerId}
              className="input textarea composer-input"
              rows={3}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onKeyDown}
              aria-describedby={tooLong ? `${hintId} ${errorId}` : hintId}
              aria-invalid={tooLong || undefined}
            />
            <p id={hintId} className="field-hint">
              {t('messages.composerHint', { max: MESSAGE_LIMITS.bodyMax })}
            </p>
            {tooLong ? (
              <p id={errorId} className="field-error" role="alert">
                {t('messages.tooLong', { max: MESSAGE_LIMITS.bodyMax })}
              </p>
            ) : null}
          </div>
          <div className="button-row">
            <Button type="submit">{t('messages.send')}</Button>
          </div>
        </form>
      ) : thread.conversation ? (
        <p className="alert alert-info">{t('messages.readOnly')}</p>
      ) : null}
    </div>
  );
}
