import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartSeries = {
  label: string;
  values: (number | null)[];
  kind?: 'line' | 'bars';
};

type Props = {
  /** Seconds since 1970 for each point (a local day is drawn at noon UTC). */
  x: number[];
  series: ChartSeries;
  /** The y range; the top grows to fit larger values. */
  range: [number, number];
  language: string;
  height?: number;
  /** Hide the y axis labels (for yes/no bars, where the summary says it all). */
  hideYAxis?: boolean;
  /** The step between y axis labels (1 for a 1–5 scale); uPlot chooses when absent. */
  yStep?: number;
};

const PRIMARY = '#1d5c57';
const GRID = '#e2d8cc';
const TEXT = '#5c514a';

/**
 * A small uPlot chart sized to its container. It is a picture for sighted people only (aria-hidden):
 * every chart must sit beside a text summary and a data table with the same numbers.
 */
export function Chart({ x, series, range, language, height = 180, hideYAxis = false, yStep }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const dayFormat = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const numbers = series.values.filter((value): value is number => value !== null);
    const top = Math.max(range[1], ...numbers);
    const bars = series.kind === 'bars';
    const options: uPlot.Options = {
      width: Math.max(container.clientWidth, 200),
      height,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true }, y: { range: [range[0], top] } },
      axes: [
        {
          stroke: TEXT,
          grid: { stroke: GRID, width: 1 },
          ticks: { stroke: GRID },
          values: (_plot, splits) => splits.map((split) => dayFormat.format(new Date(split * 1000))),
        },
        {
          show: !hideYAxis,
          stroke: TEXT,
          grid: { stroke: GRID, width: 1 },
          ticks: { stroke: GRID },
          size: 36,
          ...(yStep ? { incrs: [yStep, yStep * 2], space: 18 } : {}),
        },
      ],
      series: [
        {},
        {
          label: series.label,
          stroke: PRIMARY,
          width: 2,
          fill: bars ? 'rgba(29, 92, 87, 0.55)' : undefined,
          spanGaps: false,
          points: { show: !bars && x.length <= 90, size: 6, fill: PRIMARY },
          paths: bars ? uPlot.paths.bars?.({ size: [0.7, 24] }) : undefined,
        },
      ],
    };
    const plot = new uPlot(options, [x, series.values], container);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(container.clientWidth, 200), height }));
    observer.observe(container);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [x, series, range, language, height, hideYAxis, yStep]);

  return <div ref={containerRef} className="chart" aria-hidden="true" />;
}
