import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits.ts';
import { TextField } from './text-field.tsx';

type FieldProps = { name: string; error: string | undefined };

/** An address to type in: email keyboard, no spell check, required. autoComplete says whose address it is. */
export function EmailField(props: FieldProps & { autoComplete: string; description?: ReactNode }) {
  const { t } = useTranslation();
  return <TextField {...props} type="email" label={t('fields.email')} inputMode="email" spellCheck={false} isRequired />;
}

/** The password someone has now: to sign in, or to confirm a change. */
export function CurrentPasswordField(props: FieldProps & { label: ReactNode; description?: ReactNode }) {
  return <TextField {...props} type="password" autoComplete="current-password" isRequired />;
}

/** A password being chosen, with the length rule as its hint (password managers offer to generate one). */
export function NewPasswordField(props: FieldProps & { label: ReactNode }) {
  const { t } = useTranslation();
  return (
    <TextField
      {...props}
      type="password"
      description={t('fields.newPasswordHint', { count: LIMITS.passwordMin })}
      autoComplete="new-password"
      isRequired
    />
  );
}

/** The community alias: the name others see. */
export function AliasField(props: FieldProps & { defaultValue?: string }) {
  const { t } = useTranslation();
  return <TextField {...props} label={t('fields.alias')} description={t('fields.aliasHint')} autoComplete="nickname" isRequired />;
}
