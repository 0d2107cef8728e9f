import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUDDY_LIMITS, type BuddyOverview, volunteerSchema } from '../../../../shared/contracts/buddies.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useStopVolunteering, useVolunteer } from '../api/buddies.ts';

/** Whether I may volunteer and why (said kindly), and the opt-in/opt-out with a few words about me. */
export function VolunteerPanel({ overview, isCoach }: { overview: BuddyOverview; isCoach: boolean }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const save = useVolunteer();
  const stop = useStopVolunteering();
  const [done, setDone] = useState<string | null>(null);
  const { eligibility, volunteer } = overview;
  const needed = eligibility.daysNeeded;

  if (!eligibility.eligible) {
    const key = ({ no_clock: 'noClock', too_soon: 'tooSoon', role: 'role' } as const)[eligibility.reason ?? 'role'];
    return <p className="card">{t(`buddies.volunteer.${key}`, { needed, days: eligibility.days ?? 0 })}</p>;
  }
  const why = isCoach ? t('buddies.volunteer.eligibleCoach') : t('buddies.volunteer.eligibleMember', { days: eligibility.days ?? needed });
  return (
    <div className="card stack">
      <p>{volunteer?.active ? t('buddies.volunteer.active') : why}</p>
      <ValidatedForm
        form={form}
        onValues={(data) => {
          setDone(null);
          return form.submit(volunteerSchema, { about: formString(data, 'about') }, async (valid) => {
            await save.mutateAsync(valid.about);
            setDone(t('buddies.volunteer.saved'));
          });
        }}
        intro={done ? <FormAlert tone="success">{done}</FormAlert> : null}
      >
        <TextField
          name="about"
          label={t('buddies.volunteer.about')}
          description={t('buddies.volunteer.aboutHint', { max: BUDDY_LIMITS.aboutMax })}
          maxLength={BUDDY_LIMITS.aboutMax}
          defaultValue={volunteer?.about ?? ''}
          multiline
          error={form.errors.about}
        />
        <div className="button-row">
          <Button type="submit" isPending={form.pending}>
            {volunteer?.active ? t('buddies.volunteer.save') : t('buddies.volunteer.start')}
          </Button>
          {volunteer?.active ? (
            <Button
              variant="secondary"
              isPending={stop.isPending}
              onPress={async () => {
                await stop.mutateAsync(undefined);
                setDone(t('buddies.volunteer.stopped'));
              }}
            >
              {t('buddies.volunteer.stop')}
            </Button>
          ) : null}
        </div>
      </ValidatedForm>
    </div>
  );
}
