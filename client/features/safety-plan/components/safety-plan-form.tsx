import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS } from '../../../../shared/contracts/plans.ts';
import {
  SAFETY_PLAN_LIMITS,
  SAFETY_PLAN_STEPS,
  type SafetyPlan,
  type SafetyPlanContent,
  saveSafetyPlanSchema,
} from '../../../../shared/contracts/safety-plan.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import type { FieldErrors } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSaveSafetyPlan } from '../api/safety-plan.ts';

type ItemKey = 'warningSigns' | 'copingOnMyOwn' | 'safeEnvironment';
type ContactKey = 'distractions' | 'helpers' | 'professionals';
type ContactDraft = { key: string; name: string; phone: string };

const CONTACT_KEYS: readonly ContactKey[] = ['distractions', 'helpers', 'professionals'];
const isContactKey = (key: string): key is ContactKey => (CONTACT_KEYS as readonly string[]).includes(key);

let nextKey = 0;
const newKey = () => {
  nextKey += 1;
  return `contact-${nextKey}`;
};

function toLines(items: string[]): string {
  return items.join('\n');
}
function fromLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The first error under a path ("content.warningSigns" covers "content.warningSigns.3"). */
function errorUnder(errors: FieldErrors, prefix: string): string | undefined {
  return Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
}

type ContactsProps = {
  step: ContactKey;
  title: string;
  value: ContactDraft[];
  onChange: (value: ContactDraft[]) => void;
  errors: FieldErrors;
  hint?: string;
};

function ContactsEditor({ step, title, value, onChange, errors, hint }: ContactsProps) {
  const { t } = useTranslation();
  const id = useId();
  const update = (index: number, field: 'name' | 'phone', text: string) =>
    onChange(value.map((draft, i) => (i === index ? { ...draft, [field]: text } : draft)));
  return (
    <>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {value.map((draft, index) => {
        const legendId = `${id}-${draft.key}`;
        const prefix = `content.${step}.${index}`;
        return (
          <fieldset key={draft.key} className="fieldset fieldset-nested">
            <legend id={legendId} className="fieldset-legend">
              {t('safetyPlan.form.contactLegend', { step: title, number: index + 1 })}
            </legend>
            <TextField
              name={`${prefix}.name`}
              label={t('safetyPlan.form.contactName')}
              value={draft.name}
              onChange={(text) => update(index, 'name', text)}
              maxLength={PLAN_LIMITS.nameMax}
              isRequired
              error={errors[`${prefix}.name`]}
            />
            <TextField
              name={`${prefix}.phone`}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              label={t('safetyPlan.form.contactPhone')}
              value={draft.phone}
              onChange={(text) => update(index, 'phone', text)}
              maxLength={PLAN_LIMITS.phoneMax}
              error={errors[`${prefix}.phone`]}
            />
            <Button variant="quiet" aria-describedby={legendId} onPress={() => onChange(value.filter((_, i) => i !== index))}>
              {t('safetyPlan.form.removeContact')}
            </Button>
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        isDisabled={value.length >= SAFETY_PLAN_LIMITS.contactsPerStep}
        onPress={() => onChange([...value, { key: newKey(), name: '', phone: '' }])}
      >
        {t('safetyPlan.form.addContact')}
      </Button>
    </>
  );
}

type Props = { plan: SafetyPlan; userId: string; onDone: (saved: boolean) => void; onConflict: () => Promise<SafetyPlan | undefined> };

/** Every step as a card: a text box (one item a line) or a list of people and places with phones. */
export function SafetyPlanForm({ plan, userId, onDone, onConflict }: Props) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const save = useSaveSafetyPlan(userId);
  const [base, setBase] = useState(plan);
  const initialItems = (content: SafetyPlanContent) => ({
    warningSigns: toLines(content.warningSigns),
    copingOnMyOwn: toLines(content.copingOnMyOwn),
    safeEnvironment: toLines(content.safeEnvironment),
  });
  const initialContacts = (content: SafetyPlanContent) => ({
    distractions: content.distractions.map((c) => ({ key: newKey(), name: c.name, phone: c.phone ?? '' })),
    helpers: content.helpers.map((c) => ({ key: newKey(), name: c.name, phone: c.phone ?? '' })),
    professionals: content.professionals.map((c) => ({ key: newKey(), name: c.name, phone: c.phone ?? '' })),
  });
  const [items, setItems] = useState<Record<ItemKey, string>>(initialItems(plan.content));
  const [contacts, setContacts] = useState<Record<ContactKey, ContactDraft[]>>(initialContacts(plan.content));
  const [mostImportant, setMostImportant] = useState(plan.content.mostImportant);

  const toContacts = (drafts: ContactDraft[]) =>
    drafts.map(({ name, phone }) => (phone.trim() ? { name: name.trim(), phone: phone.trim() } : { name: name.trim() }));

  return (
    <ValidatedForm
      form={form}
      onValues={() => {
        const input = {
          baseVersion: base.version,
          content: {
            warningSigns: fromLines(items.warningSigns),
            copingOnMyOwn: fromLines(items.copingOnMyOwn),
            distractions: toContacts(contacts.distractions),
            helpers: toContacts(contacts.helpers),
            professionals: toContacts(contacts.professionals),
            safeEnvironment: fromLines(items.safeEnvironment),
            mostImportant: mostImportant.trim(),
          },
        };
        return form.submit(
          saveSafetyPlanSchema,
          input,
          async (valid) => {
            try {
              await save.mutateAsync(valid);
            } catch (error) {
              if (isApiError(error, 'CONFLICT')) {
                // Someone saved meanwhile: load theirs so nothing is overwritten, and say so kindly.
                const latest = await onConflict();
                if (latest) {
                  setBase(latest);
                  setItems(initialItems(latest.content));
                  setContacts(initialContacts(latest.content));
                  setMostImportant(latest.content.mostImportant);
                }
              }
              throw error;
            }
            onDone(true);
          },
          { CONFLICT: t('safetyPlan.form.conflict') },
        );
      }}
    >
      <div className="card stack">
        <TextField
          name="content.mostImportant"
          label={t('safetyPlan.mostImportant')}
          description={t('safetyPlan.mostImportantHint')}
          value={mostImportant}
          onChange={setMostImportant}
          maxLength={PLAN_LIMITS.textMax}
          multiline
          error={form.errors['content.mostImportant']}
        />
      </div>
      {SAFETY_PLAN_STEPS.map((step, index) => {
        const id = `safety-form-${step.key}`;
        const title = t(`safetyPlan.steps.${step.key}`);
        return (
          <section key={step.key} className="card stack" aria-labelledby={id}>
            {/* The visible title is the label of the step's input just below; the heading names the step for navigation. */}
            <h2 id={id} className="plan-step-number">
              {t('safetyPlan.stepNumber', { number: index + 1 })}
              <span className="visually-hidden">: {title}</span>
            </h2>
            {isContactKey(step.key) ? <p className="field-label">{title}</p> : null}
            {isContactKey(step.key) ? (
              <ContactsEditor
                step={step.key}
                title={title}
                value={contacts[step.key]}
                onChange={(value) => setContacts((current) => ({ ...current, [step.key]: value }))}
                errors={form.errors}
                hint={step.key === 'professionals' ? t('safetyPlan.form.professionalsHint') : undefined}
              />
            ) : (
              <TextField
                name={`content.${step.key}`}
                label={title}
                description={t('safetyPlan.form.itemsHint')}
                value={items[step.key as ItemKey]}
                onChange={(text) => setItems((current) => ({ ...current, [step.key]: text }))}
                multiline
                error={errorUnder(form.errors, `content.${step.key}`)}
              />
            )}
          </section>
        );
      })}
      <div className="button-row">
        <Button type="submit" isPending={form.pending}>
          {t('safetyPlan.form.save')}
        </Button>
        <Button variant="secondary" onPress={() => onDone(false)} isDisabled={form.pending}>
          {t('safetyPlan.form.cancel')}
        </Button>
      </div>
    </ValidatedForm>
  );
}
