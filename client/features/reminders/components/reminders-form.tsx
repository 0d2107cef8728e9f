import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { putReminderPreferencesSchema, type ReminderPreferences } from '../../../../shared/contracts/reminders.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { useSavedNotice } from '../../../lib/use-saved-notice.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { pushSupported, subscribeThisDevice, unsubscribeThisDevice } from '../api/push.ts';
import { useSaveReminderPreferences } from '../api/reminders.ts';

const OFF = 'off';
const pad = (n: number) => String(n).padStart(2, '0');
/** Every quarter hour: a native select is quicker on a phone than typing a time. */
const QUARTER_HOURS = Array.from({ length: 96 }, (_, i) => `${pad(Math.floor(i / 4))}:${pad((i % 4) * 15)}`);
const BARC_PERIODS = [7, 14, 30, 60, 90];

export function RemindersForm({ preferences }: { preferences: ReminderPreferences }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const save = useSaveReminderPreferences();
  const { isSaved, clearSaved, markSaved, edited } = useSavedNotice();
  const [checkinTime, setCheckinTime] = useState(preferences.checkinTime ?? OFF);
  const [showReasons, setShowReasons] = useState(preferences.showReasons);
  const [milestones, setMilestones] = useState(preferences.milestones);
  const [barcEveryDays, setBarcEveryDays] = useState(preferences.barcEveryDays === null ? OFF : String(preferences.barcEveryDays));
  const [byEmail, setByEmail] = useState(preferences.byEmail);
  const [byPush, setByPush] = useState(preferences.byPush);
  const [pushProblem, setPushProblem] = useState<string | null>(null);
  const canPush = pushSupported();

  // Push needs this browser's permission and subscription first; saving the form records the choice.
  async function changePush(on: boolean) {
    clearSaved();
    setPushProblem(null);
    try {
      if (!on) {
        await unsubscribeThisDevice();
        setByPush(false);
        return;
      }
      const outcome = await subscribeThisDevice();
      if (outcome === 'subscribed') setByPush(true);
      else setPushProblem(t(outcome === 'denied' ? 'reminders.pushDenied' : 'reminders.pushUnsupported'));
    } catch {
      setPushProblem(t('reminders.pushFailed'));
    }
  }

  // A time saved elsewhere (not on a quarter hour) stays selectable.
  const times = QUARTER_HOURS.includes(checkinTime) || checkinTime === OFF ? QUARTER_HOURS : [checkinTime, ...QUARTER_HOURS];
  const periods =
    barcEveryDays === OFF || BARC_PERIODS.includes(Number(barcEveryDays)) ? BARC_PERIODS : [Number(barcEveryDays), ...BARC_PERIODS];

  return (
    <ValidatedForm
      form={form}
      onChange={clearSaved}
      onValues={() => {
        clearSaved();
        const input = {
          checkinTime: checkinTime === OFF ? null : checkinTime,
          milestones,
          barcEveryDays: barcEveryDays === OFF ? null : Number(barcEveryDays),
          showReasons,
          byEmail,
          byPush,
        };
        return form.submit(putReminderPreferencesSchema, input, async (valid) => {
          await save.mutateAsync(valid);
          markSaved();
        });
      }}
    >
      <section className="card stack" aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">{t('reminders.heading')}</h2>
        <p className="field-hint">{t('reminders.lead')}</p>
        <SelectField
          name="checkinTime"
          label={t('reminders.checkinTime')}
          description={t('reminders.checkinTimeHint')}
          value={checkinTime}
          onChange={edited(setCheckinTime)}
          error={form.errors.checkinTime}
          options={[{ value: OFF, label: t('reminders.off') }, ...times.map((time) => ({ value: time, label: time }))]}
        />
        <Switch isSelected={showReasons} onChange={edited(setShowReasons)} description={t('reminders.showReasonsHint')}>
          {t('reminders.showReasons')}
        </Switch>
        <Switch isSelected={milestones} onChange={edited(setMilestones)} description={t('reminders.milestonesHint')}>
          {t('reminders.milestones')}
        </Switch>
        <SelectField
          name="barcEveryDays"
          label={t('reminders.barcEveryDays')}
          description={t('reminders.barcEveryDaysHint')}
          value={barcEveryDays}
          onChange={edited(setBarcEveryDays)}
          error={form.errors.barcEveryDays}
          options={[
            { value: OFF, label: t('reminders.off') },
            ...periods.map((days) => ({ value: String(days), label: t('reminders.everyDays', { count: days }) })),
          ]}
        />
        <Switch isSelected={byEmail} onChange={edited(setByEmail)} description={t('reminders.byEmailHint')}>
          {t('reminders.byEmail')}
        </Switch>
        <Switch
          isSelected={byPush}
          onChange={(on) => void changePush(on)}
          isDisabled={!canPush && !byPush}
          description={canPush ? t('reminders.byPushHint') : t('reminders.pushUnsupported')}
        >
          {t('reminders.byPush')}
        </Switch>
        {pushProblem ? <FormAlert tone="error">{pushProblem}</FormAlert> : null}
      </section>
      {isSaved ? <FormAlert tone="success">{t('reminders.saved')}</FormAlert> : null}
      <Button type="submit" isPending={form.pending}>
        {t('reminders.submit')}
      </Button>
    </ValidatedForm>
  );
}
