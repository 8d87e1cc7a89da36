import { useEffect, useRef, useState } from 'preact/hooks';
import { history as readHistory, RANGES, type History as HistoryData, type Range } from '../../api/metrics';
import { language } from '../../state/language';
import { t, errorSentence, type Key } from '../../i18n';
import { ErrorLine } from '../../components/ErrorLine';
import { usePolling } from '../../components/usePolling';
import { seriesFor, CHARTS } from './series';
import './History.css';

/** Charts of 1 h to 7 d per metric; uPlot is loaded with this page only. */
export default function History() {
  const [range, setRange] = useState<Range>('1h');
  const { data, error, retry } = usePolling<HistoryData>((signal) => readHistory(range, signal), 60_000, [range]);
  return (
    <>
      <h1>{t('history.title')}</h1>
      <div class="ranges" role="group" aria-label={t('history.range')}>
        {RANGES.map((r) => (
          <button key={r} type="button" class={r === range ? '' : 'secondary'} aria-pressed={r === range} onClick={() => setRange(r)}>
            {t(`history.range.${r}` as Key)}
          </button>
        ))}
      </div>
      {error && <ErrorLine message={errorSentence(error)} onRetry={retry} />}
      {!data && !error && <p class="muted">{t('app.loading')}</p>}
      {data && (
        <div class="charts">
          {CHARTS.map((chart) => {
            const series = seriesFor(data, chart.metrics);
            return (
              <section class="card chart" key={chart.id}>
                <h2>{t(chart.label)}</h2>
                {series.length === 0 ? <p class="muted">{t('history.noData')}</p> : <Chart data={data} names={series} unit={chart.unit} />}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}

function Chart({ data, names, unit }: { data: HistoryData; names: string[]; unit: string }) {
  const box = useRef<HTMLDivElement>(null);
  const lang = language.value;
  useEffect(() => {
    let plot: { destroy(): void; setSize(s: { width: number; height: number }): void } | null = null;
    let cancelled = false;
    const observer = new ResizeObserver(() => plot?.setSize({ width: box.current?.clientWidth ?? 300, height: 200 }));
    void import('./chart').then(({ drawChart }) => {
      if (cancelled || !box.current) return;
      plot = drawChart(box.current, data, names, unit, lang);
      observer.observe(box.current);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      plot?.destroy();
    };
  }, [data, names.join(','), unit, lang]);
  return <div ref={box} class="plot" />;
}
