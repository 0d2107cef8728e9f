import { Checkbox as AriaCheckbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { GOAL_STATUSES, LIFE_DOMAINS, PLAN_LIMITS, type Plan, type PlanContent } from '../../../../shared/contracts/plans.ts';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { MeetingGoalField } from './meeting-goal-field.tsx';

type Goal = PlanContent['goals'][number];

/** Ids are made here so a trigger can point at a coping strategy before the plan is saved. */
export function newId(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${prefix}-${Date.now().toString(36)}-${random}`;
}

function DoneCheckbox({ isSelected, onChange, label }: { isSelected: boolean; onChange: (done: boolean) => void; label: string }) {
  return (
    <AriaCheckbox isSelected={isSelected} onChange={onChange} className="checkbox">
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 18 18" className="checkbox-check" aria-hidden="true">
          <polyline points="3.5 9.5 7.5 13 14.5 5" />
        </svg>
      </span>
      <span className="checkbox-text">
        <span className="checkbox-label">{label}</span>
      </span>
    </AriaCheckbox>
  );
}

type Props = {
  goal: Goal;
  /** 1-based, as people count. */
  number: number;
  /** The field path in the plan, for errors (content.goals.<i>). */
  path: string;
  legendId: string;
  errors: Record<string, string | undefined>;
  progress: NonNullable<Plan['meetingProgress']>[number] | undefined;
  onChange: (change: Partial<Goal>) => void;
  onRemove: () => void;
};

/** One goal of the plan form: domain, title, status, target date, weekly meetings, and its steps. */
export function GoalFields({ goal, number, path, legendId, errors, progress, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const done = goal.steps.filter((step) => step.done).length;
  const domainOptions = LIFE_DOMAINS.map((domain) => ({ value: domain, label: t(`recoveryPlan.domains.${domain}`) }));
  const statusOptions = GOAL_STATUSES.map((status) => ({ value: status, label: t(`recoveryPlan.statuses.${status}`) }));
  const setStep = (s: number, change: Partial<Goal['steps'][number]>) =>
    onChange({ steps: goal.steps.map((item, i) => (i === s ? { ...item, ...change } : item)) });
  return (
    <fieldset className="fieldset fieldset-nested card-fieldset">
      <legend id={legendId} className="fieldset-legend">
        {t('recoveryPlan.goals.legend', { number })}
        {goal.title.trim() ? `: ${goal.title.trim()}` : ''}
      </legend>
      <SelectField
        name={`${path}.domain`}
        label={t('recoveryPlan.goals.domain')}
        options={domainOptions}
        value={goal.domain}
        onChange={(value) => onChange({ domain: value as Goal['domain'] })}
        error={errors[`${path}.domain`]}
      />
      <TextField
        name={`${path}.title`}
        label={t('recoveryPlan.goals.goal')}
        value={goal.title}
        onChange={(title) => onChange({ title })}
        maxLength={PLAN_LIMITS.textMax}
        isRequired
        error={errors[`${path}.title`]}
      />
      <SelectField
        name={`${path}.status`}
        label={t('recoveryPlan.goals.status')}
        options={statusOptions}
        value={goal.status}
        onChange={(value) => onChange({ status: value as Goal['status'] })}
        error={errors[`${path}.status`]}
      />
      <TextField
        name={`${path}.targetDate`}
        type="date"
        label={t('recoveryPlan.goals.targetDate')}
        value={goal.targetDate ?? ''}
        onChange={(value) => onChange({ targetDate: value || null })}
        error={errors[`${path}.targetDate`] ? t('errors.format.date') : undefined}
      />
      <MeetingGoalField
        name={`${path}.meetingsPerWeek`}
        value={goal.meetingsPerWeek}
        onChange={(meetingsPerWeek) => onChange({ meetingsPerWeek })}
        error={errors[`${path}.meetingsPerWeek`]}
        progress={progress}
      />
      <fieldset className="fieldset">
        <legend className="field-label">{t('recoveryPlan.goals.steps')}</legend>
        {goal.steps.length > 0 ? (
          <p className="field-hint">{t('recoveryPlan.goals.stepsDone', { done, total: goal.steps.length })}</p>
        ) : null}
        {goal.steps.map((step, s) => (
          <div key={step.id} className="plan-step-row">
            <DoneCheckbox
              isSelected={step.done}
              label={t('recoveryPlan.goals.stepDone', { number: s + 1 })}
              onChange={(isDone) => setStep(s, { done: isDone })}
            />
            <TextField
              name={`${path}.steps.${s}.text`}
              label={t('recoveryPlan.goals.step', { number: s + 1 })}
              value={step.text}
              onChange={(text) => setStep(s, { text })}
              maxLength={PLAN_LIMITS.textMax}
              isRequired
              error={errors[`${path}.steps.${s}.text`]}
            />
            <Button variant="quiet" aria-describedby={legendId} onPress={() => onChange({ steps: goal.steps.filter((_, i) => i !== s) })}>
              {t('recoveryPlan.goals.removeStep', { number: s + 1 })}
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          aria-describedby={legendId}
          isDisabled={goal.steps.length >= PLAN_LIMITS.stepsPerGoal}
          onPress={() => onChange({ steps: [...goal.steps, { id: newId('s'), text: '', done: false }] })}
        >
          {t('recoveryPlan.goals.addStep')}
        </Button>
      </fieldset>
      <Button variant="quiet" aria-describedby={legendId} onPress={onRemove}>
        {t('recoveryPlan.goals.remove')}
      </Button>
    </fieldset>
  );
}
