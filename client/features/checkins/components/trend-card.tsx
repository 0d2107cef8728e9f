import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { Chart, type ChartSeries } from '../../../components/ui/chart.tsx';
import { formatDay } from '../../../lib/local-day.ts';

type Props = {
  title: string;
  summary: string;
  dates: string[];
  x: number[];
  series: ChartSeries;
  range: [number, number];
  /** How a value reads in the table ("3", "7.5", "Yes"). */
  formatValue: (value: number | null) => string;
  hideYAxis?: boolean;
  yStep?: number;
};

/** One chart with its words: a title, a summary anyone can read, and the numbers as a table on request. */
export function TrendCard({ title, summary, dates, x, series, range, formatValue, hideYAxis, yStep }: Props) {
  const { t, i18n } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const tableId = `${id}-table`;
  return (
    <section className="card stack trend-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>{summary}</p>
      <Chart x={x} series={series} range={range} language={i18n.language} hideYAxis={hideYAxis} yStep={yStep} />
      <Button
        variant="quiet"
        aria-expanded={showTable}
        aria-controls={showTable ? tableId : undefined}
        onPress={() => setShowTable(!showTable)}
      >
        {showTable ? t('trends.hideTable') : t('trends.showTable')}
      </Button>
      {showTable ? (
        // Scrolls on its own, so keyboard users must be able to focus it to scroll it (WCAG 2.1.1, axe scrollable-region-focusable).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs focus to be scrolled from the keyboard
        <section className="table-scroll" id={tableId} aria-label={title} tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trends.day')}</th>
                <th scope="col">{series.label}</th>
              </tr>
            </thead>
            <tbody>
              {dates.map((date, index) => (
                <tr key={date}>
                  <th scope="row">{formatDay(date, i18n.language)}</th>
                  <td>{formatValue(series.values[index] ?? null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  );
}
