import { useTranslation } from 'react-i18next';
import type { RiskFlag, RiskRulesInfo } from '../../../../shared/contracts/caseload.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';

type Thresholds = RiskRulesInfo['thresholds'];

/** What a rule checks, in words, with its numbers. */
export function useRuleExplanation() {
  const { t } = useTranslation();
  return (rule: RiskFlag['rule'], th: Thresholds) => {
    switch (rule) {
      case 'sos':
        return t('caseload.flag.sos.explain', { hours: th.sosHours });
      case 'use_reported':
        return t('caseload.flag.use_reported.explain', { days: th.useDays });
      case 'craving_high':
        return t('caseload.flag.craving_high.explain', { level: th.cravingLevel, rise: th.cravingRise });
      case 'barc_drop':
        return t('caseload.flag.barc_drop.explain', { days: th.barcRecentDays, drop: th.barcDrop });
      case 'no_checkin':
        return t('caseload.flag.no_checkin.explain', { days: th.noCheckinDays });
    }
  };
}

function useEvidence() {
  const { t } = useTranslation();
  return (flag: RiskFlag) => {
    const date = flag.since && flag.rule !== 'sos' ? formatDate(`${flag.since}T12:00:00`) : '';
    switch (flag.rule) {
      case 'sos':
        return t('caseload.flag.sos.evidence', { when: flag.since ? formatDateTime(flag.since) : '' });
      case 'use_reported':
        return t('caseload.flag.use_reported.evidence', { date });
      case 'craving_high':
        return flag.basis === 'rising'
          ? t('caseload.flag.craving_high.rising', { value: flag.value, date })
          : t('caseload.flag.craving_high.level', { value: flag.value, date });
      case 'barc_drop':
        return t('caseload.flag.barc_drop.evidence', { value: flag.value, date });
      case 'no_checkin':
        return flag.since ? t('caseload.flag.no_checkin.evidence', { date, value: flag.value }) : t('caseload.flag.no_checkin.never');
    }
  };
}

const TONE: Record<RiskFlag['rule'], 'alert' | 'warn'> = {
  sos: 'alert',
  use_reported: 'alert',
  craving_high: 'warn',
  barc_drop: 'warn',
  no_checkin: 'warn',
};

/** A client's flags: each a labelled badge with the rule in words and what triggered it (never colour alone). */
export function RiskFlagList({ flags, thresholds }: { flags: RiskFlag[]; thresholds: Thresholds | undefined }) {
  const { t } = useTranslation();
  const explain = useRuleExplanation();
  const evidence = useEvidence();
  if (flags.length === 0) return <span>{t('caseload.noFlags')}</span>;
  return (
    <ul className="risk-flags">
      {flags.map((flag) => (
        <li key={flag.rule} className="risk-flag">
          <span className={`badge badge-${TONE[flag.rule]}`}>{t(`caseload.flag.${flag.rule}.label`)}</span>
          <span className="risk-flag-text">
            {evidence(flag)} {thresholds ? <span className="muted">{explain(flag.rule, thresholds)}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
