import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS, type Plan, type PlanContent, savePlanSchema } from '../../../../shared/contracts/plans.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { PageSection } from '../../../components/ui/page-section.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSaveRecoveryPlan } from '../api/recovery-plan.ts';
import { GoalFields, newId } from './goal-fields.tsx';

type Goal = PlanContent['goals'][number];
type Trigger = PlanContent['triggers'][number];
type Coping = PlanContent['copingStrategies'][number];
type Person = PlanContent['supportPeople'][number];

/** What the inputs hold, turned into what the contract expects (trimmed; empty optional values left out). */
function clean(draft: PlanContent): PlanContent {
  return {
    goals: draft.goals.map((goal) => ({
      ...goal,
      title: goal.title.trim(),
      targetDate: goal.targetDate ? goal.targetDate : null,
      steps: goal.steps.map((step) => ({ ...step, text: step.text.trim() })),
    })),
    triggers: draft.triggers.map((trigger) => ({ ...trigger, text: trigger.text.trim() })),
    copingStrategies: draft.copingStrategies.map((item) => ({ ...item, text: item.text.trim() })),
    supportPeople: draft.supportPeople.map(({ phone, ...person }) => ({
      ...person,
      name: person.name.trim(),
      relationship: person.relationship.trim(),
      ...(phone?.trim() ? { phone: phone.trim() } : {}),
    })),
  };
}

/** A standalone checkbox ("step done"), drawn like the ones in checkbox groups. */
type Props = { plan: Plan; onConflict: () => Promise<Plan | undefined> };

/** The whole recovery plan as one form; saving makes a new version (the history keeps every earlier one). */
export function PlanForm({ plan, onConflict }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const form = useValidatedForm();
  const save = useSaveRecoveryPlan();
  const [base, setBase] = useState(plan.version);
  const [draft, setDraft] = useState<PlanContent>(plan.content);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const errors = form.errors;

  function edit(change: (current: PlanContent) => PlanContent) {
    setSavedVersion(null);
    setDraft(change);
  }
  const setGoal = (index: number, change: Partial<Goal>) =>
    edit((d) => ({ ...d, goals: d.goals.map((goal, i) => (i === index ? { ...goal, ...change } : goal)) }));
  const setTrigger = (index: number, change: Partial<Trigger>) =>
    edit((d) => ({ ...d, triggers: d.triggers.map((item, i) => (i === index ? { ...item, ...change } : item)) }));
  const setCoping = (index: number, change: Partial<Coping>) =>
    edit((d) => ({ ...d, copingStrategies: d.copingStrategies.map((item, i) => (i === index ? { ...item, ...change } : item)) }));
  const setPerson = (index: number, change: Partial<Person>) =>
    edit((d) => ({ ...d, supportPeople: d.supportPeople.map((item, i) => (i === index ? { ...item, ...change } : item)) }));

  return (
    <ValidatedForm
      form={form}
      onChange={() => setSavedVersion(null)}
      onValues={() =>
        form.submit(
          savePlanSchema,
          { baseVersion: base, content: clean(draft) },
          async (valid) => {
            try {
              const saved = await save.mutateAsync(valid);
              setBase(saved.version);
              setDraft(saved.content);
              setSavedVersion(saved.version);
            } catch (error) {
              if (isApiError(error, 'CONFLICT')) {
                const latest = await onConflict();
                if (latest) {
                  setBase(latest.version);
                  setDraft(latest.content);
                }
              }
              throw error;
            }
          },
          { CONFLICT: t('recoveryPlan.conflict') },
        )
      }
    >
      <PageSection id={`${id}-goals`} title={t('recoveryPlan.goals.title')} lead={t('recoveryPlan.goals.lead')}>
        {draft.goals.length === 0 ? <p className="empty">{t('recoveryPlan.goals.empty')}</p> : null}
        {draft.goals.map((goal, g) => (
          <GoalFields
            key={goal.id}
            goal={goal}
            number={g + 1}
            path={`content.goals.${g}`}
            legendId={`${id}-goal-${goal.id}`}
            errors={errors}
            progress={plan.meetingProgress?.find((p) => p.goalId === goal.id)}
            onChange={(change) => setGoal(g, change)}
            onRemove={() => edit((d) => ({ ...d, goals: d.goals.filter((_, i) => i !== g) }))}
          />
        ))}
        <Button
          variant="secondary"
          isDisabled={draft.goals.length >= PLAN_LIMITS.goals}
          onPress={() =>
            edit((d) => ({
              ...d,
              goals: [
                ...d.goals,
                { id: newId('g'), domain: 'substance_use', title: '', steps: [], targetDate: null, status: 'not_started' },
              ],
            }))
          }
        >
          {t('recoveryPlan.goals.add')}
        </Button>
      </PageSection>

      <PageSection id={`${id}-coping`} title={t('recoveryPlan.coping.title')} lead={t('recoveryPlan.coping.lead')}>
        {draft.copingStrategies.length === 0 ? <p className="empty">{t('recoveryPlan.coping.empty')}</p> : null}
        {draft.copingStrategies.map((item, c) => (
          <div key={item.id} className="plan-row">
            <TextField
              name={`content.copingStrategies.${c}.text`}
              label={t('recoveryPlan.coping.label', { number: c + 1 })}
              value={item.text}
              onChange={(text) => setCoping(c, { text })}
              maxLength={PLAN_LIMITS.textMax}
              isRequired
              error={errors[`content.copingStrategies.${c}.text`]}
            />
            <Button
              variant="quiet"
              onPress={() =>
                edit((d) => ({
                  ...d,
                  copingStrategies: d.copingStrategies.filter((_, i) => i !== c),
                  // A removed strategy leaves no dangling links in the triggers.
                  triggers: d.triggers.map((trigger) => ({ ...trigger, copingIds: trigger.copingIds.filter((x) => x !== item.id) })),
                }))
              }
            >
              {t('recoveryPlan.coping.remove', { number: c + 1 })}
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          isDisabled={draft.copingStrategies.length >= PLAN_LIMITS.copingStrategies}
          onPress={() => edit((d) => ({ ...d, copingStrategies: [...d.copingStrategies, { id: newId('c'), text: '' }] }))}
        >
          {t('recoveryPlan.coping.add')}
        </Button>
      </PageSection>

      <PageSection id={`${id}-triggers`} title={t('recoveryPlan.triggers.title')} lead={t('recoveryPlan.triggers.lead')}>
        {draft.triggers.length === 0 ? <p className="empty">{t('recoveryPlan.triggers.empty')}</p> : null}
        {draft.triggers.map((trigger, tr) => {
          const legendId = `${id}-trigger-${trigger.id}`;
          const path = `content.triggers.${tr}`;
          const named = draft.copingStrategies.filter((item) => item.text.trim());
          return (
            <fieldset key={trigger.id} className="fieldset fieldset-nested card-fieldset">
              <legend id={legendId} className="fieldset-legend">
                {t('recoveryPlan.triggers.legend', { number: tr + 1 })}
              </legend>
              <TextField
                name={`${path}.text`}
                label={t('recoveryPlan.triggers.label')}
                value={trigger.text}
                onChange={(text) => setTrigger(tr, { text })}
                maxLength={PLAN_LIMITS.textMax}
                isRequired
                error={errors[`${path}.text`]}
              />
              {named.length > 0 ? (
                <CheckboxGroup
                  label={t('recoveryPlan.triggers.helps')}
                  description={t('recoveryPlan.triggers.helpsHint')}
                  value={trigger.copingIds}
                  onChange={(copingIds) => setTrigger(tr, { copingIds })}
                  error={Object.entries(errors).find(([key]) => key.startsWith(`${path}.copingIds`))?.[1]}
                >
                  {named.map((item) => (
                    <Checkbox key={item.id} value={item.id}>
                      {item.text}
                    </Checkbox>
                  ))}
                </CheckboxGroup>
              ) : (
                <p className="field-hint">{t('recoveryPlan.triggers.noCoping')}</p>
              )}
              <Button
                variant="quiet"
                aria-describedby={legendId}
                onPress={() => edit((d) => ({ ...d, triggers: d.triggers.filter((_, i) => i !== tr) }))}
              >
                {t('recoveryPlan.triggers.remove')}
              </Button>
            </fieldset>
          );
        })}
        <Button
          variant="secondary"
          isDisabled={draft.triggers.length >= PLAN_LIMITS.triggers}
          onPress={() => edit((d) => ({ ...d, triggers: [...d.triggers, { id: newId('t'), text: '', copingIds: [] }] }))}
        >
          {t('recoveryPlan.triggers.add')}
        </Button>
      </PageSection>

      <PageSection id={`${id}-support`} title={t('recoveryPlan.support.title')} lead={t('recoveryPlan.support.lead')}>
        {draft.supportPeople.length === 0 ? <p className="empty">{t('recoveryPlan.support.empty')}</p> : null}
        {draft.supportPeople.map((person, p) => {
          const legendId = `${id}-person-${person.id}`;
          const path = `content.supportPeople.${p}`;
          return (
            <fieldset key={person.id} className="fieldset fieldset-nested card-fieldset">
              <legend id={legendId} className="fieldset-legend">
                {t('recoveryPlan.support.legend', { number: p + 1 })}
              </legend>
              <TextField
                name={`${path}.name`}
                label={t('recoveryPlan.support.name')}
                value={person.name}
                onChange={(name) => setPerson(p, { name })}
                maxLength={PLAN_LIMITS.nameMax}
                isRequired
                error={errors[`${path}.name`]}
              />
              <TextField
                name={`${path}.relationship`}
                label={t('recoveryPlan.support.relationship')}
                description={t('recoveryPlan.support.relationshipHint')}
                value={person.relationship}
                onChange={(relationship) => setPerson(p, { relationship })}
                maxLength={PLAN_LIMITS.relationshipMax}
                error={errors[`${path}.relationship`]}
              />
              <TextField
                name={`${path}.phone`}
                type="tel"
                inputMode="tel"
                autoComplete="off"
                label={t('recoveryPlan.support.phone')}
                value={person.phone ?? ''}
                onChange={(phone) => setPerson(p, { phone })}
                maxLength={PLAN_LIMITS.phoneMax}
                error={errors[`${path}.phone`]}
              />
              <Button
                variant="quiet"
                aria-describedby={legendId}
                onPress={() => edit((d) => ({ ...d, supportPeople: d.supportPeople.filter((_, i) => i !== p) }))}
              >
                {t('recoveryPlan.support.remove')}
              </Button>
            </fieldset>
          );
        })}
        <Button
          variant="secondary"
          isDisabled={draft.supportPeople.length >= PLAN_LIMITS.supportPeople}
          onPress={() => edit((d) => ({ ...d, supportPeople: [...d.supportPeople, { id: newId('p'), name: '', relationship: '' }] }))}
        >
          {t('recoveryPlan.support.add')}
        </Button>
      </PageSection>

      {savedVersion !== null ? <FormAlert tone="success">{t('recoveryPlan.saved', { version: savedVersion })}</FormAlert> : null}
      <div className="sticky-actions">
        <Button type="submit" isPending={form.pending}>
          {t('recoveryPlan.save')}
        </Button>
      </div>
    </ValidatedForm>
  );
}
