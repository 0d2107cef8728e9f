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
};

/** One chart with its words: a title, a summary anyone can read, and the numbers as a table on request. */
export function TrendCard({ title, summary, dates, x, series, range, formatValue, hideYAxis }: Props) {
  const { t, i18n } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const tableId = `${id}-table`;
  return (
    <section className="card stack trend-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>{summary}</p>
      <Chart x={x} series={series} range={range} language={i18n.language} hideYAxis={hideYAxis} />
      <Button variant="quiet" aria-expanded={showTable} aria-controls={showTable ? tableId : undefined} onPress={() => setShowTable(!showTable)}>
        {showTable ? t('trends.hideTable') : t('trends.showTable')}
      </Button>
      {showTable ? (
        <div className="table-scroll" id={tableId}>
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
        </div>
      ) : null}
    </section>
  );
}
