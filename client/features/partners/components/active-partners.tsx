import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partnership } from '../../../../shared/contracts/partners.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/form-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { useEndPartner, useNudgePartner, usePartnerCheckinSummary, usePartnerClocks } from '../api/partners.ts';
import { useScopeNames } from './scope-choice.tsx';

/** What the partner shares with me, read through the shared-read endpoints (each read is consented and logged). */
function SharedWithMe({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const personId = partnership.partner.id;
  const theirs = partnership.theirScopes ?? [];
  const clocks = usePartnerClocks(personId, theirs.includes('clock'));
  const summary = usePartnerCheckinSummary(personId, theirs.includes('checkins.summary'));
  if (!theirs.includes('clock') && !theirs.includes('checkins.summary'))
    return <p className="muted">{t('partners.active.nothingShared')}</p>;
  return (
    <ul className="partner-shared">
      {theirs.includes('checkins.summary') ? (
        <li>
          {summary.isSuccess ? (
            <>
              <StatusBadge tone={summary.data.checkedInToday ? 'good' : 'neutral'}>
                {summary.data.checkedInToday ? t('partners.active.checkedInToday') : t('partners.active.notCheckedInToday')}
              </StatusBadge>{' '}
              {t('partners.active.streak', { count: summary.data.currentStreak })}
            </>
          ) : summary.isError ? (
            <span className="muted">{t('partners.active.unavailable')}</span>
          ) : null}
        </li>
      ) : null}
      {theirs.includes('clock') ? (
        clocks.isSuccess ? (
          clocks.data.clocks.length === 0 ? (
            <li className="muted">{t('partners.active.noClocks')}</li>
          ) : (
            clocks.data.clocks.map((clock) => (
              <li key={clock.id}>{t('partners.active.clockDays', { label: clock.label, count: clock.currentDays })}</li>
            ))
          )
        ) : clocks.isError ? (
          <li className="muted">{t('partners.active.unavailable')}</li>
        ) : null
      ) : null}
    </ul>
  );
}

function NudgeButton({ partnership }: { partnership: Partnership }) {
  const { t, i18n } = useTranslation();
  const nudge = useNudgePartner();
  const [result, setResult] = useState<{ tone: 'success' | 'info' | 'error'; text: string } | null>(null);
  const alias = partnership.partner.alias;
  return (
    <>
      <Button
        variant="secondary"
        isPending={nudge.isPending}
        onPress={async () => {
          setResult(null);
          try {
            const { remainingToday } = await nudge.mutateAsync(partnership.id);
            setResult({
              tone: 'success',
              text:
                remainingToday === 0
                  ? t('partners.active.nudgedLast', { alias })
                  : t('partners.active.nudged', { alias, count: remainingToday }),
            });
          } catch (caught) {
            setResult(
              isApiError(caught, 'RATE_LIMITED')
                ? { tone: 'info', text: t('partners.active.nudgeLimit') }
                : { tone: 'error', text: describeError(caught, t, i18n.language).message ?? '' },
            );
          }
        }}
      >
        {t('partners.active.nudge')}
      </Button>
      {result ? <FormAlert tone={result.tone}>{result.text}</FormAlert> : null}
    </>
  );
}

type Props = {
  list: Partnership[];
  /** The "Message" control: the page supplies it (conversations are the messages feature's job). */
  messageAction: (partnership: Partnership) => ReactNode;
  /** The person view of the partner: everything they share with me, part by part (the page supplies the link). */
  personLink: (partnership: Partnership) => ReactNode;
};

export function ActivePartners({ list, messageAction, personLink }: Props) {
  const { t } = useTranslation();
  const names = useScopeNames();
  const end = useEndPartner();
  if (list.length === 0) return <p className="muted">{t('partners.active.none')}</p>;
  return (
    <ul className="card-list">
      {list.map((partnership) => {
        const alias = partnership.partner.alias;
        const titleId = `partner-${partnership.id}`;
        return (
          <li key={partnership.id} className="card stack">
            <div className="card-title-row">
              <h3 id={titleId}>{alias}</h3>
              {partnership.respondedAt ? (
                <span className="muted">{t('partners.active.since', { date: formatDate(partnership.respondedAt) })}</span>
              ) : null}
            </div>
            <section aria-labelledby={`${titleId}-shared`} className="stack-sm">
              <h4 id={`${titleId}-shared`}>{t('partners.active.sharedTitle', { alias })}</h4>
              <SharedWithMe partnership={partnership} />
            </section>
            <p className="muted">{t('partners.active.youShare', { scopes: names(partnership.myScopes) })}</p>
            <div className="button-row">
              {(partnership.theirScopes ?? []).length > 0 ? personLink(partnership) : null}
              {messageAction(partnership)}
              <NudgeButton partnership={partnership} />
              <ConfirmDialog
                triggerLabel={t('partners.active.end')}
                triggerVariant="danger"
                triggerDescribedBy={titleId}
                title={t('partners.active.endTitle', { alias })}
                confirmLabel={t('partners.active.endConfirm')}
                danger
                onConfirm={async () => {
                  await end.mutateAsync(partnership.id);
                }}
              >
                <p>{t('partners.active.endBody')}</p>
              </ConfirmDialog>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function EndedPartnerships({ list }: { list: Partnership[] }) {
  const { t } = useTranslation();
  if (list.length === 0) return null;
  return (
    <ul className="card-list">
      {list.map((partnership) => (
        <li key={partnership.id} className="card card-title-row">
          <span>{t('partners.ended.with', { alias: partnership.partner.alias })}</span>
          <StatusBadge tone="neutral">{t(`partners.ended.status.${partnership.status as 'ended' | 'declined' | 'cancelled'}`)}</StatusBadge>
        </li>
      ))}
    </ul>
  );
}
