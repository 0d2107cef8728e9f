import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { OwnMeeting } from '../../../shared/contracts/own-meetings.ts';
import { Button } from '../../components/ui/button.tsx';
import { FormAlert } from '../../components/ui/form-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { PageSection } from '../../components/ui/page-section.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useOwnMeeting } from '../../features/own-meetings/api.ts';
import { OwnMeetingForm } from '../../features/own-meetings/components/own-meeting-form.tsx';
import { OwnMeetingList } from '../../features/own-meetings/components/own-meeting-list.tsx';
import { useSessionData } from '../../lib/session.ts';

/**
 * The organization's own groups in the meeting directory. The URL holds the state (?edit=new or
 * ?edit=<id>, ?q=, ?page=) so Back returns from the form to the same page of the list.
 */
export function OwnMeetingsPage() {
  const { t } = useTranslation();
  const { organization } = useSessionData();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);
  const edit = params.get('edit');
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const editing = useOwnMeeting(edit && edit !== 'new' ? edit : null);

  const show = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === null || value === '') merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged);
  };
  const backToList = () => show({ edit: null });
  const saved = (meeting: OwnMeeting, created: boolean) => {
    setNotice(t(created ? 'ownMeetings.created' : 'ownMeetings.saved', { name: meeting.name }));
    backToList();
  };

  const formTitle = edit === 'new' ? t('ownMeetings.newTitle') : t('ownMeetings.editTitle');
  return (
    <div className="stack-lg">
      <PageHeading title={t('ownMeetings.title')} lead={t('ownMeetings.lead')} />
      {edit ? (
        <PageSection id="own-meeting-form" title={formTitle}>
          {edit === 'new' ? (
            <OwnMeetingForm meeting={null} defaultTimezone={organization?.timezone ?? 'UTC'} onSaved={saved} onCancel={backToList} />
          ) : null}
          {edit !== 'new' && editing.isPending ? <Loading /> : null}
          {edit !== 'new' && editing.isError ? <QueryError error={editing.error} onRetry={() => void editing.refetch()} /> : null}
          {edit !== 'new' && editing.data ? (
            <OwnMeetingForm
              key={editing.data.id}
              meeting={editing.data}
              defaultTimezone={organization?.timezone ?? 'UTC'}
              onSaved={saved}
              onCancel={backToList}
            />
          ) : null}
        </PageSection>
      ) : (
        <PageSection id="own-meetings-list" title={t('ownMeetings.listTitle')}>
          {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
          <div className="button-row">
            <Button
              onPress={() => {
                setNotice(null);
                show({ edit: 'new' });
              }}
            >
              {t('ownMeetings.add')}
            </Button>
          </div>
          <OwnMeetingList
            q={q}
            page={page}
            onSearch={(next) => show({ q: next, page: null })}
            onPage={(next) => show({ page: String(next) })}
            onEdit={(id) => {
              setNotice(null);
              show({ edit: id });
            }}
          />
        </PageSection>
      )}
    </div>
  );
}
