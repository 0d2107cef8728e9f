import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TREND_WINDOWS, type Trends } from '../../../../shared/contracts/checkins.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { SharedRecord } from '../../../components/ui/shared-record.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { dayAsDate } from '../../../lib/local-day.ts';
import { type TrendWindow, useSharedTrends, useTrends } from '../api/checkins.ts';
import { StreakSummary } from './streak-summary.tsx';
import { TrendCard } from './trend-card.tsx';

const WINDOW_NAMES = { '7': 'week', '30': 'month', '90': 'quarter', '365': 'year' } as const;

type Stats = { count: number; average: number; lowest: number; highest: number };

function stats(values: (number | null)[]): Stats | null {
  const numbers = values.filter((value): value is number => value !== null);
  if (numbers.length === 0) return null;
  const sum = numbers.reduce((total, value) => total + value, 0);
  return { count: numbers.length, average: sum / numbers.length, lowest: Math.min(...numbers), highest: Math.max(...numbers) };
}

function Charts({ trends, alias }: { trends: Trends; alias: string | undefined }) {
  const { t, i18n } = useTranslation();
  const number = useMemo(() => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }), [i18n.language]);
  const percent = useMemo(() => new Intl.NumberFormat(i18n.language, { style: 'percent' }), [i18n.language]);
  const charts = useMemo(() => {
    const dates = trends.series.map((point) => point.date);
    const x = dates.map((date) => dayAsDate(date).getTime() / 1000);
    return {
      dates,
      x,
      mood: { label: t('trends.mood'), values: trends.series.map((point) => point.mood) },
      craving: { label: t('trends.craving'), values: trends.series.map((point) => point.craving) },
      sleep: { label: t('trends.sleep'), values: trends.series.map((point) => point.sleepHours) },
      adherence: { label: t('trends.checkedIn'), values: trends.series.map((point) => (point.checkedIn ? 1 : 0)), kind: 'bars' as const },
    };
  }, [trends, t]);

  const describe = (values: (number | null)[]) => {
    const found = stats(values);
    if (!found) return t('trends.noData');
    return t('trends.summary', {
      average: number.format(found.average),
      lowest: number.format(found.lowest),
      highest: number.format(found.highest),
      count: found.count,
    });
  };
  const plain = (value: number | null) => (value === null ? t('trends.none') : number.format(value));

  return (
    <div className="stack">
      <TrendCard
        title={t('trends.moodTitle')}
        summary={describe(charts.mood.values)}
        dates={charts.dates}
        x={charts.x}
        series={charts.mood}
        range={[1, 5]}
        yStep={1}
        formatValue={plain}
      />
      <TrendCard
        title={t('trends.cravingTitle')}
        summary={describe(charts.craving.values)}
        dates={charts.dates}
        x={charts.x}
        series={charts.craving}
        range={[0, 10]}
        formatValue={plain}
      />
      <TrendCard
        title={t('trends.sleepTitle')}
        summary={describe(charts.sleep.values)}
        dates={charts.dates}
        x={charts.x}
        series={charts.sleep}
        range={[0, 12]}
        formatValue={plain}
      />
      <TrendCard
        title={t('trends.adherenceTitle')}
        summary={t(alias ? 'trends.adherenceSummaryOf' : 'trends.adherenceSummary', {
          alias,
          count: trends.daysCheckedIn,
          days: trends.days,
          percent: percent.format(trends.adherence),
        })}
        dates={charts.dates}
        x={charts.x}
        series={charts.adherence}
        range={[0, 1]}
        hideYAxis
        formatValue={(value) => (value ? t('trends.yes') : t('trends.no'))}
      />
    </div>
  );
}

type PanelProps = {
  days: TrendWindow;
  onDaysChange: (days: TrendWindow) => void;
  trends: UseQueryResult<Trends, unknown>;
  /** Whose trends these are, when they are someone else's (the person view); the wording follows. */
  alias?: string;
};

/** The window picker, the streak, then mood, craving, sleep and check-ins over that window. */
function TrendsPanel({ days, onDaysChange, trends, alias }: PanelProps) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <RadioGroup className="field" orientation="horizontal" value={days} onChange={(value) => onDaysChange(value as TrendWindow)}>
        <Label className="field-label">{t('trends.window')}</Label>
        <div className="choice-tiles">
          {TREND_WINDOWS.map((window) => (
            <Radio key={window} value={window} className="choice-tile">
              {t(`trends.windows.${WINDOW_NAMES[window]}`)}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      {trends.isPending ? <Loading /> : null}
      {trends.isError ? <QueryError error={trends.error} onRetry={() => void trends.refetch()} /> : null}
      {trends.isSuccess ? (
        <>
          <StreakSummary trends={trends.data} />
          <Charts trends={trends.data} alias={alias} />
        </>
      ) : null}
    </div>
  );
}

/** My own trends. */
export function TrendsView() {
  const [days, setDays] = useState<TrendWindow>('30');
  return <TrendsPanel days={days} onDaysChange={setDays} trends={useTrends(days)} />;
}

/** Someone's trends through their `checkins.detail` grant: the same charts they see of themselves. */
export function SharedTrendsView({ personId, alias }: { personId: string; alias: string }) {
  const [days, setDays] = useState<TrendWindow>('30');
  const trends = useSharedTrends(personId, days);
  // A 404 means the grant ended since the page looked: the frame says so instead of an error.
  if (trends.isError && isApiError(trends.error, 'NOT_FOUND'))
    return (
      <SharedRecord query={trends} alias={alias}>
        {() => null}
      </SharedRecord>
    );
  return <TrendsPanel days={days} onDaysChange={setDays} trends={trends} alias={alias} />;
}
