import { useTranslation } from 'react-i18next';
import { SCOPES, type Scope } from '../../../../shared/contracts/consent.ts';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { scopeKey } from '../../../lib/labels.ts';

type Props = { label: string; description?: string; value: Scope[]; onChange: (scopes: Scope[]) => void; error?: string | undefined };

/** What I share with a partner: one checkbox per scope, each with its plain explanation. */
export function ScopeChoice({ label, description, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup label={label} description={description} value={value} onChange={(scopes) => onChange(scopes as Scope[])} error={error}>
      {SCOPES.map((scope) => (
        <Checkbox key={scope} value={scope} description={t(`scopes.${scopeKey(scope)}.description`)}>
          {t(`scopes.${scopeKey(scope)}.label`)}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}

/** "Recovery clock, Check-in summary": scope names for a sentence. */
export function useScopeNames() {
  const { t } = useTranslation();
  return (scopes: readonly Scope[] | null) => (scopes ?? []).map((scope) => t(`scopes.${scopeKey(scope)}.label`)).join(', ');
}
