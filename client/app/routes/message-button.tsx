import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ConversationKind } from '../../../shared/contracts/messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { useOpenConversation } from '../../features/messages/api/messages.ts';
import { describeError } from '../../lib/form-errors.ts';
import { paths } from '../../lib/paths.ts';

type Props = {
  kind: ConversationKind;
  /** The other person's id. */
  person: string;
  label: string;
  variant?: 'primary' | 'secondary';
};

/** "Message …": opens (or finds) the conversation with someone I am linked to, then shows it. */
export function MessageButton({ kind, person, label, variant = 'secondary' }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenConversation();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant={variant}
        isPending={open.isPending}
        onPress={async () => {
          setError(null);
          try {
            const conversation = await open.mutateAsync({ kind, with: person });
            await navigate(paths.thread.to(conversation.id));
          } catch (caught) {
            setError(describeError(caught, t, i18n.language).message);
          }
        }}
      >
        {label}
      </Button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </>
  );
}
