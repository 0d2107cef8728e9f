import { type FormEvent, type ReactNode, useState } from 'react';
import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingDetail } from '../../../../shared/contracts/meetings.ts';
import { inRoleGroup } from '../../../../shared/contracts/roles.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { paths } from '../../../lib/paths.ts';
import { useSession } from '../../../lib/session.ts';
import { useLogAttendance, useMeetingStatus, useSaveMeeting } from '../api/my-meetings.ts';
import { IssueCode } from './secretary-tools.tsx';

/**
 * On a meeting's page, for a signed-in person: save it, "I went", the secretary's code. `secretaries` is the
 * administrators' list of who may issue codes (the page supplies it: it chooses from the admin list of people).
 */
export function MeetingActions({ meeting, secretaries }: { meeting: MeetingDetail; secretaries: (meetingId: string) => ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user ?? null;
  if (!user) {
    // A visitor without an account sees the directory as it is, and one way in.
    return session.isPending ? null : (
      <p>
        <Link to={paths.signIn}>{t('myMeetings.actions.signIn')}</Link>
      </p>
    );
  }
  return <SignedInActions meeting={meeting} secretaries={inRoleGroup(user.roles, 'admins') ? secretaries : null} />;
}

function SignedInActions({
  meeting,
  secretaries,
}: {
  meeting: MeetingDetail;
  /** Administrators only. */
  secretaries: ((meetingId: string) => ReactNode) | null;
}) {
  const { t, i18n } = useTranslation();
  const status = useMeetingStatus(meeting.id, true);
  const save = useSaveMeeting();
  const log = useLogAttendance();
  const [code, setCode] = useState('');
  const [logged, setLogged] = useState(false);
  const proofOfAttendance = meeting.types.includes('POA');
  const error = log.error ? describeError(log.error, t, i18n.language) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    log.mutate(
      { meetingId: meeting.id, ...(trimmed ? { code: trimmed } : {}) },
      {
        onSuccess: () => {
          setLogged(true);
          setCode('');
        },
      },
    );
  };

  if (!status.data) return null;
  const attended = status.data.attendedToday;
  return (
    <PageSection id="meeting-mine" title={t('myMeetings.actions.title')}>
      <div className="stack card">
        <div className="button-row">
          <ToggleButton
            className="btn btn-secondary"
            isSelected={status.data.saved}
            isDisabled={save.isPending}
            onChange={(saved) => save.mutate({ meetingId: meeting.id, saved })}
          >
            {status.data.saved ? `✓ ${t('myMeetings.actions.saved')}` : t('myMeetings.actions.save')}
          </ToggleButton>
          <Link to={paths.myMeetings}>{t('myMeetings.actions.myMeetingsLink')}</Link>
        </div>
        {attended ? (
          <p role="status">{attended.verified ? t('myMeetings.actions.wentVerified') : t('myMeetings.actions.wentToday')}</p>
        ) : null}
        {!attended || (proofOfAttendance && !attended.verified) ? (
          <form className="form stack-sm" onSubmit={submit} noValidate>
            {proofOfAttendance ? (
              <TextField
                name="code"
                label={t('myMeetings.actions.code')}
                description={t('myMeetings.actions.codeHint')}
                value={code}
                onChange={setCode}
                autoComplete="off"
                spellCheck={false}
                maxLength={20}
                error={error?.fields.code}
              />
            ) : null}
            {error?.message ? <FormAlert>{error.message}</FormAlert> : null}
            <Button type="submit" isPending={log.isPending}>
              {t('myMeetings.actions.went')}
            </Button>
          </form>
        ) : null}
        {logged ? <FormAlert tone="success">{t('myMeetings.actions.logged')}</FormAlert> : null}
        {status.data.canIssueCode && proofOfAttendance ? <IssueCode meetingId={meeting.id} /> : null}
      </div>
      {secretaries ? secretaries(meeting.id) : null}
    </PageSection>
  );
}
