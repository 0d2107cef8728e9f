import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { describeError, type ErrorOverrides, type FieldErrors, issuesToFieldErrors } from './form-errors.ts';

/**
 * Validates with the shared zod schema before sending, shows server errors next to inputs,
 * and moves focus to the first invalid input (or the form alert) so keyboard and screen reader users find it.
 */
export function useValidatedForm() {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [inputsKey, setInputsKey] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusPending = useRef(false);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-form-alert]');
    target?.focus();
  });

  const submit = useCallback(
    async <S extends z.ZodType>(schema: S, input: unknown, action: (data: z.output<S>) => Promise<void>, overrides?: ErrorOverrides) => {
      setFormError(null);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        setErrors(issuesToFieldErrors(parsed.error.issues, t));
        focusPending.current = true;
        return;
      }
      setErrors({});
      setPending(true);
      try {
        await action(parsed.data);
      } catch (error) {
        const described = describeError(error, t, i18n.language, overrides);
        setErrors(described.fields);
        setFormError(described.message);
        focusPending.current = true;
      } finally {
        setPending(false);
      }
    },
    [t, i18n.language],
  );

  const clearField = useCallback((name: string) => {
    setErrors((current) => {
      if (!(name in current)) return current;
      const { [name]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  /** Empties the form by re-creating its inputs, for a form that stays on screen after a successful submit. */
  const resetInputs = useCallback(() => setInputsKey((key) => key + 1), []);

  return { formRef, errors, formError, pending, submit, clearField, setFormError, inputsKey, resetInputs };
}

export type ValidatedFormState = ReturnType<typeof useValidatedForm>;
