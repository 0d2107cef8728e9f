import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useCalendarSubscription, useMakeCalendarAddress, useRevokeCalendarAddress } from '../api/my-meetings.ts';

/**
 * The private calendar address of my saved meetings. The server keeps only a hash of it, so the
 * address is shown once, right after it is made; making another replaces it.
 */
export function CalendarSubscription() {
  const { t, i18n } = useTranslation();
  const status = useCalendarSubscription();
  const make = useMakeCalendarAddress();
  const revoke = useRevokeCalendarAddress();
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const error = make.error ?? revoke.error;

  if (status.isPending) return <Loading />;
  if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  const active = status.data.active;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNotice(t('myMeetings.calendar.copied'));
    } catch {
      // Some browsers refuse the clipboard: the address stays selectable in its field.
    }
  };

  return (
    <div className="stack card">
      <p>{t('myMeetings.calendar.warning')}</p>
      <p className="muted">
        {active && status.data.createdAt
          ? t('myMeetings.calendar.active', { date: formatDateTime(status.data.createdAt) })
          : t('myMeetings.calendar.none')}
      </p>
      {url ? (
        <div className="stack-sm">
          <TextField
            name="calendar-url"
            label={t('myMeetings.calendar.url')}
            value={url}
            isReadOnly
            description={t('myMeetings.calendar.howTo')}
          />
          <Button variant="secondary" onPress={() => void copy()}>
            {t('myMeetings.calendar.copy')}
          </Button>
        </div>
      ) : null}
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      {error ? <FormAlert>{describeError(error, t, i18n.language).message}</FormAlert> : null}
      <div className="button-row">
        <Button
          isPending={make.isPending}
          onPress={() =>
            make.mutate(undefined, {
              onSuccess: (made) => {
                setUrl(made.url);
                setNotice(null);
              },
            })
          }
        >
          {active ? t('myMeetings.calendar.rotate') : t('myMeetings.calendar.make')}
        </Button>
        {active ? (
          <Button
            variant="danger"
            isPending={revoke.isPending}
            onPress={() =>
              revoke.mutate(undefined, {
                onSuccess: () => {
                  setUrl(null);
                  setNotice(t('myMeetings.calendar.revoked'));
                },
              })
            }
          >
            {t('myMeetings.calendar.revoke')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
