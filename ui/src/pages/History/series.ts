import type { History } from '../../api/metrics';
import type { Key } from '../../i18n';

export interface ChartSpec {
  id: string;
  label: Key;
  /** Metric names or prefixes ending in ':' (every instance). */
  metrics: string[];
  unit: 'percent' | 'celsius';
}

export const CHARTS: ChartSpec[] = [
  { id: 'cpu', label: 'metric.cpu', metrics: ['cpu.percent'], unit: 'percent' },
  { id: 'ram', label: 'metric.ram', metrics: ['ram.percent'], unit: 'percent' },
  { id: 'gpu', label: 'metric.gpu', metrics: ['gpu.percent'], unit: 'percent' },
  { id: 'temperature', label: 'metric.temperature', metrics: ['temperature.max.celsius'], unit: 'celsius' },
  { id: 'disk', label: 'metric.diskAny', metrics: ['disk.percent:'], unit: 'percent' },
];

/** The series of `history` a chart shows, in a stable order. */
export function seriesFor(history: History, metrics: string[]): string[] {
  return Object.keys(history.series)
    .filter((name) => metrics.some((m) => (m.endsWith(':') ? name.startsWith(m) : name === m)))
    .filter((name) => history.series[name].length > 0)
    .sort();
}

/** uPlot's columns: shared timestamps in seconds, one row of averages per series (null where missing). */
export function columns(history: History, names: string[]): [number[], ...(number | null)[][]] {
  const times = new Set<number>();
  for (const name of names) for (const p of history.series[name]) times.add(Date.parse(p.t) / 1000);
  const xs = [...times].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const rows = names.map((name) => {
    const row: (number | null)[] = new Array(xs.length).fill(null);
    for (const p of history.series[name]) row[index.get(Date.parse(p.t) / 1000)!] = p.avg;
    return row;
  });
  return [xs, ...rows];
}
