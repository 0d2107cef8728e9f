import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminPerson } from '../../../../shared/contracts/people.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useAdminPeople, useSetPersonEnabled } from '../api/people.ts';
import { RoleEditorDialog } from './role-editor-dialog.tsx';

type RowProps = { person: AdminPerson; isSelf: boolean; personHref: (id: string) => string };

function PersonRow({ person, isSelf, personHref }: RowProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const setEnabled = useSetPersonEnabled();
  const active = person.status === 'active';
  return (
    <li className="card person-card">
      <div className="card-title-row">
        {/* A disabled account has no page (the server answers "not found"), so only active people link to theirs. */}
        <h3 id={titleId}>
          {active ? (
            <Link to={personHref(person.id)} className="title-link">
              {person.alias}
            </Link>
          ) : (
            person.alias
          )}
        </h3>
        <StatusBadge tone={active ? 'good' : 'warn'}>{t(`admin.people.status.${person.status}`)}</StatusBadge>
      </div>
      <p className="muted break-word">{person.email}</p>
      <ul className="tag-list" aria-label={t('admin.people.roles')}>
        {person.roles.map((role) => (
          <li key={role} className="tag">
            {t(`roles.${role}.label`)}
          </li>
        ))}
      </ul>
      <p className="muted">
        {person.mfaEnabled ? t('admin.people.mfaOn') : t('admin.people.mfaOff')} ·{' '}
        {t('admin.people.joined', { date: formatDate(person.createdAt) })}
      </p>
      <div className="button-row">
        <RoleEditorDialog person={person} describedBy={titleId} />
        {active ? (
          <ConfirmDialog
            triggerLabel={t('admin.people.disable')}
            triggerDescribedBy={titleId}
            isDisabled={isSelf}
            title={t('admin.people.disableTitle', { alias: person.alias })}
            confirmLabel={t('admin.people.disableConfirm')}
            danger
            onConfirm={async () => {
              await setEnabled.mutateAsync({ id: person.id, enabled: false });
            }}
          >
            <p>{t('admin.people.disableBody')}</p>
          </ConfirmDialog>
        ) : (
          <Button
            variant="secondary"
            aria-describedby={titleId}
            isPending={setEnabled.isPending}
            onPress={() => setEnabled.mutate({ id: person.id, enabled: true })}
          >
            {t('admin.people.enable')}
          </Button>
        )}
      </div>
    </li>
  );
}

export function PeopleList({ selfId, personHref }: { selfId: string; personHref: (id: string) => string }) {
  const { t } = useTranslation();
  const people = useAdminPeople();
  if (people.isPending) return <Loading />;
  if (people.isError) return <QueryError error={people.error} onRetry={() => void people.refetch()} />;
  if (people.data.length === 0) return <p className="empty">{t('admin.people.empty')}</p>;
  return (
    <ul className="card-list">
      {people.data.map((person) => (
        <PersonRow key={person.id} person={person} isSelf={person.id === selfId} personHref={personHref} />
      ))}
    </ul>
  );
}
