import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { History } from '../../api/metrics';
import { columns } from './series';

const COLOURS = ['#0b5cad', '#c21b1b', '#1a7f37', '#9a6700', '#8250df'];

/** Draws one chart; dates and numbers through Intl in the chosen language. */
export function drawChart(target: HTMLElement, history: History, names: string[], unit: string, lang: string): uPlot {
  const numberFormat = new Intl.NumberFormat(lang, unit === 'percent' ? { maximumFractionDigits: 0 } : { maximumFractionDigits: 1 });
  const suffix = unit === 'percent' ? ' %' : ' °C';
  const long = Date.parse(history.to) - Date.parse(history.from) > 86_400_000;
  const timeFormat = new Intl.DateTimeFormat(lang, long ? { weekday: 'short', hour: '2-digit' } : { hour: '2-digit', minute: '2-digit' });
  const full = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const options: uPlot.Options = {
    width: target.clientWidth || 300,
    height: 200,
    series: [
      { value: (_u, v) => (v == null ? '' : full.format(v * 1000)) },
      ...names.map((name, i) => ({
        label: name.includes(':') ? name.split(':')[1] : name,
        stroke: COLOURS[i % COLOURS.length],
        width: 2,
        spanGaps: false,
        value: (_u: uPlot, v: number | null) => (v == null ? '–' : numberFormat.format(v) + suffix),
      })),
    ],
    axes: [
      { values: (_u, ticks) => ticks.map((s) => timeFormat.format(s * 1000)), stroke: 'currentColor' },
      { values: (_u, ticks) => ticks.map((v) => numberFormat.format(v)), stroke: 'currentColor', size: 50 },
    ],
    scales: { y: unit === 'percent' ? { range: [0, 100] } : {} },
    legend: { show: names.length > 1 },
  };
  return new uPlot(options, columns(history, names) as uPlot.AlignedData, target);
}
