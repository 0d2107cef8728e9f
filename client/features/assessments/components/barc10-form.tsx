import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { BARC10_ITEMS, BARC10_SCALE, type barc10ResultSchema, takeBarc10Schema } from '../../../../shared/contracts/assessments.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useTakeBarc10 } from '../api/barc10.ts';

export type Barc10Result = z.output<typeof barc10ResultSchema>;

const STATEMENTS = BARC10_ITEMS.map((_, index) => index + 1) as (1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10)[];

/** The ten statements, each a radio group on the six-point scale; every one must be answered. */
export function Barc10Form({ onResult }: { onResult: (result: Barc10Result) => void }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const take = useTakeBarc10();
  const [answers, setAnswers] = useState<(number | null)[]>(() => BARC10_ITEMS.map(() => null));
  const missing = answers.filter((answer) => answer === null).length;

  return (
    <ValidatedForm
      form={form}
      onValues={async () => {
        await form.submit(takeBarc10Schema, { answers }, async (valid) => {
          onResult(await take.mutateAsync(valid.answers));
        });
        // A radio group itself cannot take focus: bring keyboard and screen reader users to the first unanswered one.
        requestAnimationFrame(() => form.formRef.current?.querySelector<HTMLElement>('[data-invalid] input[type="radio"]')?.focus());
      }}
    >
      <ol className="barc-list">
        {STATEMENTS.map((number, index) => {
          const answer = answers[index];
          const error = form.errors[`answers.${index}`] ?? (form.errors.answers && answer === null ? form.errors.answers : undefined);
          return (
            <li key={number} className="card barc-item">
              <RadioGroup
                name={`answers.${index}`}
                label={
                  <>
                    <span className="barc-number">{t('barc10.statementNumber', { number })}</span>
                    <span className="barc-statement">{t(`barc10.items.n${number}`)}</span>
                  </>
                }
                value={answer === null || answer === undefined ? null : String(answer)}
                onChange={(value) => {
                  setAnswers((current) => current.map((old, i) => (i === index ? Number(value) : old)));
                  form.clearField(`answers.${index}`);
                }}
                error={error}
              >
                {BARC10_SCALE.map((option) => (
                  <Radio key={option.value} value={String(option.value)}>
                    {t(`barc10.scale.n${option.value}`)}
                  </Radio>
                ))}
              </RadioGroup>
            </li>
          );
        })}
      </ol>
      {Object.keys(form.errors).length > 0 && missing > 0 ? (
        <p className="field-error" role="alert">
          {t('barc10.answerAll', { count: missing })}
        </p>
      ) : null}
      <Button type="submit" isPending={form.pending}>
        {t('barc10.submit')}
      </Button>
    </ValidatedForm>
  );
}
