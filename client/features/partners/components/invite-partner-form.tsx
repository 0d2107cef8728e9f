import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scope } from '../../../../shared/contracts/consent.ts';
import { DEFAULT_PARTNER_SCOPES, invitePartnerSchema, PARTNER_LIMITS } from '../../../../shared/contracts/partners.ts';
import type { PersonCard } from '../../../../shared/contracts/people.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { optionalString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useInvitePartner } from '../api/partners.ts';
import { ScopeChoice } from './scope-choice.tsx';

/** The "who" field: the page supplies it (finding people is the people feature's job). */
export type PersonField = {
  value: PersonCard | null;
  onChange: (person: PersonCard | null) => void;
  error: string | undefined;
};

export function InvitePartnerForm({ personField }: { personField: (field: PersonField) => ReactNode }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const invite = useInvitePartner();
  const [person, setPerson] = useState<PersonCard | null>(null);
  const [scopes, setScopes] = useState<Scope[]>([...DEFAULT_PARTNER_SCOPES]);
  const [sent, setSent] = useState<string | null>(null);

  return (
    <ValidatedForm
      form={form}
      onValues={(data) => {
        setSent(null);
        const input = { inviteeId: person?.id ?? '', scopes, message: optionalString(data, 'message') };
        return form.submit(
          invitePartnerSchema,
          input,
          async (valid) => {
            await invite.mutateAsync(valid);
            setSent(person?.alias ?? '');
            setPerson(null);
            setScopes([...DEFAULT_PARTNER_SCOPES]);
            form.resetInputs();
          },
          { CONFLICT: t('partners.invite.exists') },
        );
      }}
      intro={sent !== null ? <FormAlert tone="success">{t('partners.invite.sent', { alias: sent })}</FormAlert> : null}
    >
      {personField({
        value: person,
        onChange: setPerson,
        error: form.errors.inviteeId || form.errors.inviteeAlias ? t('partners.invite.choosePerson') : undefined,
      })}
      <ScopeChoice
        label={t('partners.invite.scopes')}
        description={t('partners.invite.scopesHint')}
        value={scopes}
        onChange={setScopes}
        error={form.errors.scopes}
      />
      <TextField
        name="message"
        label={t('partners.invite.message')}
        description={t('partners.invite.messageHint')}
        maxLength={PARTNER_LIMITS.messageMax}
        multiline
        error={form.errors.message}
      />
      <Button type="submit" isPending={form.pending}>
        {t('partners.invite.submit')}
      </Button>
    </ValidatedForm>
  );
}
