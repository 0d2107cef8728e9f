import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createGrantSchema, SCOPES } from '../../../../shared/contracts/consent.ts';
import type { PersonCard } from '../../../../shared/contracts/people.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString, optionalString } from '../../../lib/form-errors.ts';
import { scopeKey } from '../../../lib/labels.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useCreateGrant } from '../api/grants.ts';

/** The end of the chosen day in the person's own time zone, as the ISO timestamp the API expects. */
function endOfDay(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const end = new Date(`${date}T23:59:59`);
  return Number.isNaN(end.getTime()) ? 'invalid' : end.toISOString();
}

/** The "who" field: the page supplies it (finding people is not this feature's job); it searches and picks one person. */
export type PersonField = {
  value: PersonCard | null;
  onChange: (person: PersonCard | null) => void;
  error: string | undefined;
};

type Props = { personField: (field: PersonField) => ReactNode };

export function ShareForm({ personField }: Props) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const create = useCreateGrant();
  const [person, setPerson] = useState<PersonCard | null>(null);
  const [scopes, setScopes] = useState<string[]>([]);
  const [shared, setShared] = useState<string | null>(null);

  return (
    <ValidatedForm
      form={form}
      onValues={(data) => {
        setShared(null);
        const input = {
          granteeId: person?.id ?? '',
          scopes,
          purpose: formString(data, 'purpose'),
          expiresAt: endOfDay(optionalString(data, 'until')),
        };
        return form.submit(createGrantSchema, input, async (valid) => {
          await create.mutateAsync(valid);
          setShared(person?.alias ?? '');
          setPerson(null);
          setScopes([]);
          form.resetInputs();
        });
      }}
      intro={shared !== null ? <FormAlert tone="success">{t('privacy.share.done', { alias: shared })}</FormAlert> : null}
    >
      {personField({
        value: person,
        onChange: setPerson,
        error: form.errors.granteeId ? t('privacy.share.choosePerson') : undefined,
      })}
      <CheckboxGroup
        label={t('privacy.share.scopes')}
        description={t('privacy.share.scopesHint')}
        value={scopes}
        onChange={setScopes}
        error={form.errors.scopes}
      >
        {SCOPES.map((scope) => (
          <Checkbox key={scope} value={scope} description={t(`scopes.${scopeKey(scope)}.description`)}>
            {t(`scopes.${scopeKey(scope)}.label`)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <TextField
        name="purpose"
        label={t('privacy.share.purpose')}
        description={t('privacy.share.purposeHint')}
        maxLength={LIMITS.purposeMax}
        multiline
        isRequired
        error={form.errors.purpose}
      />
      <TextField
        name="until"
        type="date"
        label={t('privacy.share.until')}
        description={t('privacy.share.untilHint')}
        error={form.errors.expiresAt}
      />
      <Button type="submit" isPending={form.pending}>
        {t('privacy.share.submit')}
      </Button>
    </ValidatedForm>
  );
}
