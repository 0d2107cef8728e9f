import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES, type Referral, type ReferralStatus } from '../../../../shared/contracts/coaching-sessions.ts';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useReferralStatus } from '../api/coaching-sessions.ts';

/** Referrals made for the member; the coach records how each went. */
export function ReferralList({ relationshipId, referrals, isCoach }: { relationshipId: string; referrals: Referral[]; isCoach: boolean }) {
  const { t } = useTranslation();
  const update = useReferralStatus(relationshipId);
  if (referrals.length === 0) return <p className="empty">{t('coachingSessions.referrals.empty')}</p>;
  const options = REFERRAL_STATUSES.map((status) => ({ value: status, label: t(`coachingSessions.referralStatuses.${status}`) }));
  return (
    <>
      {update.isError ? <FormAlert>{t('coachingSessions.sessions.actionFailed')}</FormAlert> : null}
      <ul className="card-list">
        {referrals.map((referral) => (
          <li key={referral.id} className="card">
            <h3>{referral.service}</h3>
            {referral.reason ? <p>{referral.reason}</p> : null}
            {isCoach ? (
              <SelectField
                name={`referral-${referral.id}`}
                label={t('coachingSessions.referrals.status')}
                options={options}
                value={referral.status}
                onChange={(status) => update.mutate({ id: referral.id, status: status as ReferralStatus })}
              />
            ) : (
              <p>{t(`coachingSessions.referralStatuses.${referral.status}`)}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
