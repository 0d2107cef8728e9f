import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invite } from '../../../../shared/contracts/invites.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { formatDateTime, formatList } from '../../../lib/format.ts';
import { useAdminInvites, useRevokeInvite } from '../api/invites.ts';

function InviteRow({ invite }: { invite: Invite }) {
  const { t } = useTranslation();
  const titleId = useId();
  const revoke = useRevokeInvite();
  return (
    <li className="card">
      <h3 id={titleId} className="break-word">
        {invite.email}
      </h3>
      <p>{formatList(invite.roles.map((role) => t(`roles.${role}.label`)))}</p>
      <p className="muted">{t('admin.invites.expires', { date: formatDateTime(invite.expiresAt) })}</p>
      <div className="button-row">
        <ConfirmDialog
          triggerLabel={t('admin.invites.revoke')}
          triggerDescribedBy={titleId}
          title={t('admin.invites.revokeTitle', { email: invite.email })}
          confirmLabel={t('admin.invites.revokeConfirm')}
          danger
          onConfirm={async () => {
            await revoke.mutateAsync(invite.id);
          }}
        >
          <p>{t('admin.invites.revokeBody')}</p>
        </ConfirmDialog>
      </div>
    </li>
  );
}

export function PendingInvites() {
  const { t } = useTranslation();
  const invites = useAdminInvites();
  if (invites.isPending) return <Loading />;
  if (invites.isError) return <QueryError error={invites.error} onRetry={() => void invites.refetch()} />;
  const pending = invites.data.filter((invite) => invite.status === 'pending');
  if (pending.length === 0) return <p className="empty">{t('admin.invites.empty')}</p>;
  return (
    <ul className="card-list">
      {pending.map((invite) => (
        <InviteRow key={invite.id} invite={invite} />
      ))}
    </ul>
  );
}
