import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { BARC10_THRESHOLD } from '../../../../shared/contracts/assessments.ts';
import { formatDate } from '../../../lib/format.ts';

type Point = { takenAt: string; total: number };

/** count values evenly spread from the first to the last of a sorted list. */
function spread(values: number[], count: number): number[] {
  const first = values[0] ?? 0;
  const last = values.at(-1) ?? first;
  return Array.from({ length: count }, (_, i) => first + ((last - first) * i) / (count - 1));
}

/**
 * Totals over time (10–60) with the 47 marker as a dashed line. The canvas is decoration for sighted people:
 * the caption carries the same facts in words and the page offers a table, so it is hidden from screen readers.
 */
export function Barc10Chart({ points }: { points: Point[] }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element || points.length === 0) return;
    const xs = points.map((point) => new Date(point.takenAt).getTime() / 1000);
    const ys = points.map((point) => point.total);
    const style = getComputedStyle(document.documentElement);
    const primary = style.getPropertyValue('--primary').trim() || '#1d5c57';
    const muted = style.getPropertyValue('--muted').trim() || '#5c514a';
    const dateFormat = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' });
    const width = () => Math.max(260, element.clientWidth);
    const chart = new uPlot(
      {
        width: width(),
        height: 240,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          // Plain numbers (seconds), labelled by us: one result still gets a readable span of a few days around it.
          x: { time: false, range: (_u, min, max) => (min === max ? [min - 86_400 * 3, max + 86_400 * 3] : [min, max]) },
          y: { range: [10, 60] },
        },
        axes: [
          {
            stroke: muted,
            // Label the days results were taken (a handful), or six evenly spread days for a long history.
            splits: () => (xs.length <= 6 ? xs : spread(xs, 6)),
            values: (_u, splits) => splits.map((split) => dateFormat.format(new Date(split * 1000))),
            grid: { show: false },
          },
          { stroke: muted, splits: () => [10, 20, 30, 40, BARC10_THRESHOLD, 60], grid: { stroke: '#e2d8cc' } },
        ],
        series: [
          {},
          { label: t('barc10.totalSeries'), stroke: primary, width: 3, points: { show: true, size: 9, fill: primary } },
          { label: t('barc10.threshold'), stroke: muted, width: 2, dash: [6, 6], points: { show: false } },
        ],
      },
      [xs, ys, xs.map(() => BARC10_THRESHOLD)],
      element,
    );
    const resize = () => chart.setSize({ width: width(), height: 240 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.destroy();
    };
  }, [points, t, i18n.language]);

  return <div ref={ref} className="chart" aria-hidden="true" />;
}

/** The chart's facts in one or two sentences, for everyone (and for screen readers instead of the canvas). */
export function barc10Summary(points: Point[], t: TFunction): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return '';
  if (points.length === 1) return t('barc10.summaryOne', { total: first.total, date: formatDate(first.takenAt) });
  return t('barc10.summaryMany', {
    count: points.length,
    first: formatDate(first.takenAt),
    last: formatDate(last.takenAt),
    firstTotal: first.total,
    lastTotal: last.total,
    highest: Math.max(...points.map((point) => point.total)),
  });
}
