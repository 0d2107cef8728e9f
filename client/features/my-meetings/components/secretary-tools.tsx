import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPerson } from '../../../../shared/contracts/people.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { useIssueCode, useSecretaries, useSetSecretary } from '../api/my-meetings.ts';

/** For a secretary or an administrator: today's code, shown once (only its hash is kept). */
export function IssueCode({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation();
  const issue = useIssueCode();
  return (
    <div className="stack-sm">
      <Button variant="secondary" isPending={issue.isPending} onPress={() => issue.mutate(meetingId)}>
        {t('myMeetings.secretary.issue')}
      </Button>
      {issue.data ? (
        <div role="status" className="stack-sm">
          <p>
            <strong className="mono" data-testid="attendance-code">
              {t('myMeetings.secretary.issued', { code: issue.data.code })}
            </strong>
          </p>
          <p className="muted">{t('myMeetings.secretary.issuedHint', { zone: issue.data.timezone })}</p>
        </div>
      ) : null}
      {issue.error ? <FormAlert>{describeError(issue.error, t, i18n.language).message}</FormAlert> : null}
    </div>
  );
}

/**
 * For administrators: who may issue the meeting's codes. `people` is the admin list of people to choose from
 * (undefined while it loads).
 */
export function MeetingSecretaries({
  meetingId,
  people,
}: {
  meetingId: string;
  people: readonly Pick<AdminPerson, 'id' | 'alias' | 'status'>[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const secretaries = useSecretaries(meetingId, true);
  const change = useSetSecretary();
  const [personId, setPersonId] = useState('');
  const [missing, setMissing] = useState(false);
  const current = new Set(secretaries.data?.items.map((s) => s.personId) ?? []);
  const options = (people ?? []).filter((p) => p.status === 'active' && !current.has(p.id)).map((p) => ({ value: p.id, label: p.alias }));

  return (
    <div className="stack-sm card">
      <h3>{t('myMeetings.secretary.title')}</h3>
      <p className="muted">{t('myMeetings.secretary.lead')}</p>
      {secretaries.data && secretaries.data.items.length === 0 ? <p className="empty">{t('myMeetings.secretary.empty')}</p> : null}
      <ul className="card-list">
        {secretaries.data?.items.map((s) => (
          <li key={s.personId} className="card-title-row">
            <span className="break-word">{s.alias}</span>
            <Button variant="quiet" onPress={() => change.mutate({ meetingId, personId: s.personId, secretary: false })}>
              {t('myMeetings.secretary.remove', { alias: s.alias })}
            </Button>
          </li>
        ))}
      </ul>
      <SelectField
        name="secretary"
        label={t('myMeetings.secretary.person')}
        options={[{ value: '', label: '—' }, ...options]}
        value={personId}
        onChange={(value) => {
          setPersonId(value);
          setMissing(false);
        }}
        error={missing ? t('myMeetings.secretary.choose') : undefined}
      />
      <Button
        variant="secondary"
        isPending={change.isPending}
        onPress={() => {
          if (!personId) return setMissing(true);
          change.mutate({ meetingId, personId, secretary: true }, { onSuccess: () => setPersonId('') });
        }}
      >
        {t('myMeetings.secretary.add')}
      </Button>
      {change.error ? <FormAlert>{describeError(change.error, t, i18n.language).message}</FormAlert> : null}
    </div>
  );
}
