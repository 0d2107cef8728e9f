import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadClient, RiskRulesInfo } from '../../../../shared/contracts/caseload.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { RiskFlagList, useRuleExplanation } from './risk-flag-badges.tsx';

type Thresholds = RiskRulesInfo['thresholds'];

function NotShared() {
  const { t } = useTranslation();
  return <span className="not-shared">{t('caseload.notShared')}</span>;
}

const dayText = (date: string) => formatDate(`${date}T12:00:00`);

/** The craving of the last 14 days as small bars, with the same numbers in words for screen readers. */
function CravingTrend({ trend }: { trend: NonNullable<CaseloadClient['cravingTrend']> }) {
  const { t } = useTranslation();
  const latest = [...trend.days].reverse().find((d) => d.craving !== null);
  if (!latest) return <span>{t('caseload.cravingNone')}</span>;
  const { recentAverage: recent, previousAverage: previous } = trend;
  const text =
    recent !== null && previous !== null
      ? t('caseload.cravingText', { latest: latest.craving, recent, previous })
      : recent !== null
        ? t('caseload.cravingTextRecentOnly', { latest: latest.craving, recent })
        : t('caseload.cravingTextNoAverage', { latest: latest.craving });
  return (
    <div className="craving-trend">
      <span className="craving-bars" aria-hidden="true">
        {trend.days.map((day) => (
          <span
            key={day.date}
            className={day.craving === null ? 'craving-bar craving-bar-missing' : 'craving-bar'}
            data-level={day.craving ?? undefined}
            title={t('caseload.cravingDay', { date: dayText(day.date), value: day.craving ?? t('caseload.cravingMissing') })}
          />
        ))}
      </span>
      <span>{text}</span>
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

type MessageAction = (client: CaseloadClient) => ReactNode;
type PersonLink = (memberId: string, label: string) => ReactNode;

function ClientCard({
  client,
  thresholds,
  relationshipLink,
  personLink,
  messageAction,
}: {
  client: CaseloadClient;
  thresholds: Thresholds | undefined;
  relationshipLink: (relationshipId: string, label: string) => ReactNode;
  personLink: PersonLink;
  messageAction: MessageAction | undefined;
}) {
  const { t } = useTranslation();
  const headingId = `caseload-${client.relationshipId}`;
  const flagged = (client.flags?.length ?? 0) > 0;
  const summary = client.checkins;
  return (
    <li className={flagged ? 'card caseload-card caseload-card-flagged' : 'card caseload-card'}>
      <div className="card-title-row">
        <h3 id={headingId}>{client.alias}</h3>
        <span className="badge badge-neutral">{t(`caseload.status.${client.status}`)}</span>
      </div>
      <dl className="details">
        <Field label={t('caseload.fields.flags')}>
          {client.flags ? (
            <RiskFlagList flags={client.flags} thresholds={thresholds} />
          ) : (
            <span className="not-shared">{t('caseload.flagsNotShared')}</span>
          )}
        </Field>
        <Field label={t('caseload.fields.lastCheckin')}>
          {!summary ? (
            <NotShared />
          ) : summary.lastDate === null ? (
            t('caseload.neverCheckedIn')
          ) : summary.daysSince === 0 ? (
            t('caseload.lastCheckinToday')
          ) : (
            t('caseload.lastCheckinDaysAgo', { date: dayText(summary.lastDate), count: summary.daysSince ?? 0 })
          )}
        </Field>
        <Field label={t('caseload.fields.streak')}>
          {!summary ? (
            <NotShared />
          ) : summary.streakCapped ? (
            t('caseload.streakCapped', { count: summary.currentStreak })
          ) : (
            t('caseload.streakDays', { count: summary.currentStreak })
          )}
        </Field>
        <Field label={t('caseload.fields.craving')}>
          {client.cravingTrend ? <CravingTrend trend={client.cravingTrend} /> : <NotShared />}
        </Field>
        <Field label={t('caseload.fields.clock')}>
          {!client.shared.includes('clock') ? (
            <NotShared />
          ) : client.clock ? (
            t('caseload.clockDays', { label: client.clock.label, count: client.clock.days })
          ) : (
            t('caseload.noClock')
          )}
        </Field>
        <Field label={t('caseload.fields.nextSession')}>
          {client.nextSession
            ? t('caseload.session', {
                when: formatDateTime(client.nextSession.at),
                type: t(`caseload.contactType.${client.nextSession.contactType as 'phone'}`, {
                  defaultValue: client.nextSession.contactType,
                }),
              })
            : t('caseload.noSession')}
        </Field>
        <Field label={t('caseload.fields.referrals')}>{client.openReferrals}</Field>
      </dl>
      <div className="button-row">
        {relationshipLink(client.relationshipId, t('caseload.open', { alias: client.alias }))}
        {personLink(client.memberId, t('personView.open', { alias: client.alias }))}
        {messageAction && (client.status === 'active' || client.status === 'paused') ? messageAction(client) : null}
      </div>
    </li>
  );
}

/** The clients, most in need first, with an announced count of those flagged. */
export function CaseloadList({
  clients,
  generatedAt,
  thresholds,
  relationshipLink,
  personLink,
  messageAction,
}: {
  clients: CaseloadClient[];
  generatedAt: string;
  thresholds: Thresholds | undefined;
  relationshipLink: (relationshipId: string, label: string) => ReactNode;
  /** The person view of a client: everything they share with the coach, part by part. */
  personLink: PersonLink;
  /** "Message" for an active or paused client: the page supplies it (conversations are another feature). */
  messageAction?: MessageAction;
}) {
  const { t } = useTranslation();
  const flagged = clients.filter((c) => (c.flags?.length ?? 0) > 0).length;
  return (
    <div className="stack">
      <p className="caseload-summary" aria-live="polite" aria-atomic="true">
        <strong>{flagged > 0 ? t('caseload.summary', { count: flagged }) : t('caseload.summaryNone')}</strong>{' '}
        <span className="muted">{t('caseload.updated', { time: formatDateTime(generatedAt) })}</span>
      </p>
      {clients.length === 0 ? (
        <p className="empty">{t('caseload.empty')}</p>
      ) : (
        <ul className="card-list caseload-list">
          {clients.map((client) => (
            <ClientCard
              key={client.relationshipId}
              client={client}
              thresholds={thresholds}
              relationshipLink={relationshipLink}
              personLink={personLink}
              messageAction={messageAction}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/** Every rule in words, with the parts of a record it reads. */
export function RiskRulesExplained({ info }: { info: RiskRulesInfo }) {
  const { t } = useTranslation();
  const explain = useRuleExplanation();
  return (
    <dl className="details risk-rules">
      {info.rules.map((rule) => (
        <div key={rule.rule}>
          <dt>{t(`caseload.flag.${rule.rule}.label`)}</dt>
          <dd>
            {explain(rule.rule, info.thresholds)}{' '}
            <span className="muted">
              {t('caseload.rules.needs', {
                scopes: rule.scopes.map((s) => t(`caseload.scope.${s as 'sos'}`)).join(' / '),
              })}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
