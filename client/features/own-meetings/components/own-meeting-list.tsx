import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnMeetingSummary } from '../../../../shared/contracts/own-meetings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useDeleteOwnMeeting, useOwnMeetingList } from '../api.ts';
import { weekdayName } from './own-meeting-form.tsx';

type Props = {
  q: string;
  page: number;
  onSearch: (q: string) => void;
  onPage: (page: number) => void;
  onEdit: (id: string) => void;
};

const MODE_TONE = { in_person: 'good', online: 'good', hybrid: 'good', inactive: 'warn' } as const;

function MeetingItem({ meeting, onEdit }: { meeting: OwnMeetingSummary; onEdit: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteOwnMeeting();
  const titleId = useId();
  const when =
    meeting.day === null || meeting.time === null
      ? t('ownMeetings.byAppointment')
      : t(meeting.endTime ? 'ownMeetings.scheduleWithEnd' : 'ownMeetings.schedule', {
          day: weekdayName(meeting.day, i18n.language),
          time: meeting.time,
          end: meeting.endTime,
        });
  return (
    <li className="card">
      <div className="card-title-row">
        <h3 id={titleId}>{meeting.name}</h3>
        <StatusBadge tone={MODE_TONE[meeting.attendanceMode]}>{t(`ownMeetings.mode.${meeting.attendanceMode}`)}</StatusBadge>
      </div>
      <p>{[meeting.fellowship, when, meeting.timezone.replaceAll('_', ' ')].filter(Boolean).join(' · ')}</p>
      <div className="button-row">
        <Button variant="secondary" onPress={() => onEdit(meeting.id)} aria-describedby={titleId}>
          {t('ownMeetings.edit')}
        </Button>
        <ConfirmDialog
          triggerLabel={t('ownMeetings.delete')}
          triggerVariant="danger"
          triggerDescribedBy={titleId}
          title={t('ownMeetings.deleteTitle', { name: meeting.name })}
          confirmLabel={t('ownMeetings.deleteConfirm')}
          danger
          onConfirm={async () => {
            await remove.mutateAsync(meeting.id);
          }}
        >
          <p>{t('ownMeetings.deleteBody')}</p>
        </ConfirmDialog>
      </div>
    </li>
  );
}

/** Own meetings by name: search, pages of 20, edit and delete. */
export function OwnMeetingList({ q, page, onSearch, onPage, onEdit }: Props) {
  const { t } = useTranslation();
  const list = useOwnMeetingList(q, page);
  const [search, setSearch] = useState(q);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <div className="stack">
      <search>
        <form
          className="search-row"
          onSubmit={(event) => {
            event.preventDefault();
            onSearch(search);
          }}
        >
          <TextField name="q" type="search" label={t('ownMeetings.search')} value={search} onChange={setSearch} />
          <Button type="submit" variant="secondary">
            {t('ownMeetings.searchSubmit')}
          </Button>
        </form>
      </search>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <p role="status">{t('ownMeetings.count', { count: list.data.total })}</p>
          {list.data.items.length === 0 ? (
            <p>{q ? t('ownMeetings.noMatch') : t('ownMeetings.empty')}</p>
          ) : (
            <ul className="card-list">
              {list.data.items.map((meeting) => (
                <MeetingItem key={meeting.id} meeting={meeting} onEdit={onEdit} />
              ))}
            </ul>
          )}
          {pages > 1 ? (
            <nav aria-label={t('ownMeetings.pager')} className="button-row">
              <Button variant="secondary" isDisabled={page <= 1} onPress={() => onPage(page - 1)}>
                {t('ownMeetings.previous')}
              </Button>
              <span>{t('ownMeetings.pageOf', { page, pages })}</span>
              <Button variant="secondary" isDisabled={page >= pages} onPress={() => onPage(page + 1)}>
                {t('ownMeetings.next')}
              </Button>
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
