import type { ReactNode } from 'react';
import type { ValidatedFormState } from '../../lib/use-validated-form.ts';
import { FormAlert } from './form-alert.tsx';

type Props = {
  /** From useValidatedForm(): the ref for moving focus to the first problem, the form-level error, and resetInputs(). */
  form: ValidatedFormState;
  /** Called on submit with the fields; usually returns form.submit(schema, input, action, messages). */
  onValues: (data: FormData) => Promise<void>;
  onChange?: () => void;
  /** Shown before the error alert: a success message, or the steps the form belongs to. */
  intro?: ReactNode;
  /** Follows the message inside the error alert (e.g. a link to start over). */
  errorAction?: ReactNode;
  children: ReactNode;
};

/** A form checked by the shared schema, not the browser (noValidate), with its error alert first. */
export function ValidatedForm({ form, onValues, onChange, intro, errorAction, children }: Props) {
  return (
    <form
      key={form.inputsKey}
      ref={form.formRef}
      noValidate
      className="form"
      onChange={onChange}
      onSubmit={(event) => {
        event.preventDefault();
        void onValues(new FormData(event.currentTarget));
      }}
    >
      {intro}
      {form.formError ? (
        <FormAlert>
          {form.formError}
          {errorAction ? <> {errorAction}</> : null}
        </FormAlert>
      ) : null}
      {children}
    </form>
  );
}
