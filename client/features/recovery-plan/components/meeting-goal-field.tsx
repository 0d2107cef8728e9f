import { useTranslation } from 'react-i18next';
import type { MeetingGoalProgress } from '../../../../shared/contracts/plans.ts';
import { TextField } from '../../../components/ui/text-field.tsx';

type Props = {
  name: string;
  value: number | null | undefined;
  onChange: (value: number | null) => void;
  error: string | undefined;
  /** This week's progress from the saved plan, when the goal has a target. */
  progress: MeetingGoalProgress | undefined;
};

/** A goal's weekly meeting target (1–14, empty for none) and how this week is going. */
export function MeetingGoalField({ name, value, onChange, error, progress }: Props) {
  const { t } = useTranslation();
  return (
    <div className="stack-sm">
      <TextField
        name={name}
        label={t('recoveryPlan.goals.meetingsPerWeek')}
        description={t('recoveryPlan.goals.meetingsPerWeekHint')}
        inputMode="numeric"
        maxLength={2}
        value={value == null ? '' : String(value)}
        onChange={(text) => {
          const digits = text.replace(/\D/g, '');
          onChange(digits ? Number(digits) : null);
        }}
        error={error}
      />
      {progress ? (
        <p className="meeting-goal-progress" data-testid="meeting-goal-progress">
          {t('recoveryPlan.goals.meetingsProgress', { attended: progress.attended, target: progress.target })}
        </p>
      ) : null}
    </div>
  );
}
