import { type ReactNode, useState } from 'react';
import { DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MemberRelationship, RelationshipAction } from '../../../../shared/contracts/coaching.ts';
import { SCOPES, type Scope } from '../../../../shared/contracts/consent.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { scopeKey } from '../../../lib/labels.ts';
import { type ActionBody, useRelationshipAction } from '../api/coaching.ts';
import { CoachCardView } from './coach-card.tsx';
import { RelationshipHistory } from './relationship-history.tsx';

const TONE = { requested: 'neutral', proposed: 'warn', active: 'good', paused: 'neutral' } as const;

export function StatusLine({ relationship }: { relationship: MemberRelationship }) {
  const { t } = useTranslation();
  const tone = TONE[relationship.status as keyof typeof TONE] ?? 'neutral';
  return <StatusBadge tone={tone}>{t(`coaching.statuses.${relationship.status}`)}</StatusBadge>;
}

/** A dialog asking for a reason before an action (ending coaching needs one; pausing may have one). */
function ReasonAction({
  relationship,
  action,
  label,
  title,
  body,
  required,
  variant = 'secondary',
}: {
  relationship: MemberRelationship;
  action: RelationshipAction;
  label: string;
  title: string;
  body: string;
  required: boolean;
  variant?: 'secondary' | 'danger';
}) {
  const { t, i18n } = useTranslation();
  const act = useRelationshipAction();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <DialogTrigger onOpenChange={() => setError(null)}>
      <Button variant={variant}>{label}</Button>
      <ModalDialog title={title} isDismissable>
        {(close) => (
          <div className="stack">
            <p>{body}</p>
            <TextField
              name="reason"
              label={t('coaching.current.reason')}
              description={t('coaching.current.reasonHint')}
              isRequired={required}
              maxLength={500}
              value={reason}
              onChange={setReason}
              error={error ?? undefined}
            />
            <div className="button-row">
              <Button
                variant={variant === 'danger' ? 'danger' : 'primary'}
                isPending={act.isPending}
                onPress={async () => {
                  const text = reason.trim();
                  if (required && text.length < 3) {
                    setError(t('errors.field.tooShort', { count: 3 }));
                    return;
                  }
                  const payload: ActionBody = text ? { reason: text } : {};
                  try {
                    await act.mutateAsync({ id: relationship.id, action, body: payload });
                    close();
                  } catch (caught) {
                    setError(describeError(caught, t, i18n.language).message);
                  }
                }}
              >
                {label}
              </Button>
              <Button variant="secondary" onPress={close} isDisabled={act.isPending}>
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function Waiting({ relationship }: { relationship: MemberRelationship }) {
  const { t } = useTranslation();
  const act = useRelationshipAction();
  return (
    <div className="card stack">
      <div className="card-title-row">
        <h3 id="coaching-request-title">{t('coaching.waiting.title')}</h3>
        <StatusLine relationship={relationship} />
      </div>
      <p aria-live="polite">
        {relationship.waitingDays === 0
          ? t('coaching.waiting.waitingToday')
          : t('coaching.waiting.waitingDays', { count: relationship.waitingDays })}
      </p>
      {relationship.requestedCoach ? <p>{t('coaching.waiting.asked', { alias: relationship.requestedCoach.alias })}</p> : null}
      <div className="button-row">
        <ConfirmDialog
          triggerLabel={t('coaching.waiting.withdraw')}
          triggerVariant="secondary"
          triggerDescribedBy="coaching-request-title"
          title={t('coaching.waiting.withdrawTitle')}
          confirmLabel={t('coaching.waiting.withdraw')}
          onConfirm={async () => {
            await act.mutateAsync({ id: relationship.id, action: 'withdraw', body: {} });
          }}
        >
          <p>{t('coaching.waiting.withdrawBody')}</p>
        </ConfirmDialog>
      </div>
    </div>
  );
}

function Proposed({ relationship }: { relationship: MemberRelationship }) {
  const { t, i18n } = useTranslation();
  const act = useRelationshipAction();
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [error, setError] = useState<string | null>(null);
  const coach = relationship.coach;
  if (!coach) return null;
  const alias = coach.alias;
  return (
    <div className="card stack">
      <div className="card-title-row">
        <h3>{t('coaching.proposed.title')}</h3>
        <StatusLine relationship={relationship} />
      </div>
      <p>{t('coaching.proposed.lead', { alias })}</p>
      <CoachCardView coach={coach} />
      <CheckboxGroup
        label={t('coaching.proposed.scopes', { alias })}
        description={t('coaching.proposed.scopesHint')}
        value={scopes}
        onChange={(value) => setScopes(value as Scope[])}
      >
        {SCOPES.map((scope) => (
          <Checkbox key={scope} value={scope} description={t(`scopes.${scopeKey(scope)}.description`)}>
            {t(`scopes.${scopeKey(scope)}.label`)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="button-row">
        <Button
          isPending={act.isPending}
          onPress={async () => {
            setError(null);
            try {
              await act.mutateAsync({ id: relationship.id, action: 'accept', body: { scopes } });
            } catch (caught) {
              setError(describeError(caught, t, i18n.language).message);
            }
          }}
        >
          {t('coaching.proposed.accept', { alias })}
        </Button>
        <ConfirmDialog
          triggerLabel={t('coaching.proposed.decline')}
          triggerVariant="secondary"
          title={t('coaching.proposed.declineTitle', { alias })}
          confirmLabel={t('coaching.proposed.decline')}
          onConfirm={async () => {
            await act.mutateAsync({ id: relationship.id, action: 'decline', body: {} });
          }}
        >
          <p>{t('coaching.proposed.declineBody')}</p>
        </ConfirmDialog>
      </div>
    </div>
  );
}

/** Ways on from my coaching (its sessions and notes, a message): the page supplies them, as they lead to other features. */
type Links = (relationship: MemberRelationship) => ReactNode;

function Current({ relationship, links }: { relationship: MemberRelationship; links?: Links | undefined }) {
  const { t } = useTranslation();
  const act = useRelationshipAction();
  const coach = relationship.coach;
  if (!coach) return null;
  const alias = coach.alias;
  const shared = relationship.scopes.map((scope) => t(`scopes.${scopeKey(scope)}.label`)).join(', ');
  return (
    <div className="card stack">
      <div className="card-title-row">
        <h3>{t('coaching.current.title')}</h3>
        <StatusLine relationship={relationship} />
      </div>
      <CoachCardView coach={coach} />
      {relationship.startedAt ? <p>{t('coaching.current.since', { date: formatDate(relationship.startedAt) })}</p> : null}
      <p>{relationship.scopes.length ? t('coaching.current.shares', { scopes: shared }) : t('coaching.current.sharesNothing')}</p>
      {links ? <div className="button-row">{links(relationship)}</div> : null}
      <div className="button-row">
        {relationship.allowed.includes('pause') ? (
          <ReasonAction
            relationship={relationship}
            action="pause"
            label={t('coaching.current.pause')}
            title={t('coaching.current.pauseTitle')}
            body={t('coaching.current.pauseBody')}
            required={false}
          />
        ) : null}
        {relationship.allowed.includes('resume') ? (
          <Button
            variant="secondary"
            isPending={act.isPending}
            onPress={() => act.mutate({ id: relationship.id, action: 'resume', body: {} })}
          >
            {t('coaching.current.resume')}
          </Button>
        ) : null}
        {relationship.allowed.includes('close') ? (
          <ReasonAction
            relationship={relationship}
            action="close"
            label={t('coaching.current.close')}
            title={t('coaching.current.closeTitle', { alias })}
            body={t('coaching.current.closeBody')}
            required
            variant="danger"
          />
        ) : null}
      </div>
    </div>
  );
}

/** The member's one open request or relationship, in whatever state it is. */
export function MyCoachingCurrent({ relationship, links }: { relationship: MemberRelationship; links?: Links }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      {relationship.status === 'requested' ? <Waiting relationship={relationship} /> : null}
      {relationship.status === 'proposed' ? <Proposed relationship={relationship} /> : null}
      {relationship.status === 'active' || relationship.status === 'paused' ? <Current relationship={relationship} links={links} /> : null}
      <details className="disclosure">
        <summary>{t('coaching.history.title')}</summary>
        <RelationshipHistory events={relationship.history} />
      </details>
    </div>
  );
}

export function PastCoaching({ list }: { list: MemberRelationship[] }) {
  const { t } = useTranslation();
  return (
    <ul className="card-list">
      {list.map((relationship) => (
        <li key={relationship.id} className="card stack">
          <div className="card-title-row">
            <h3>{relationship.coach?.alias ?? formatDate(relationship.requestedAt)}</h3>
            <StatusLine relationship={relationship} />
          </div>
          {relationship.endReason ? <p>{t('coaching.history.reason', { reason: relationship.endReason })}</p> : null}
          <RelationshipHistory events={relationship.history} />
        </li>
      ))}
    </ul>
  );
}
