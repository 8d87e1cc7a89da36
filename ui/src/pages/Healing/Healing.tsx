import { useEffect, useState } from 'preact/hooks';
import { events as readEvents, metrics as readMetrics, status as readStatus, openLiveEvents, SEVERITIES,
  type HealingEvent, type HealingMetrics, type HealingStatus } from '../../api/healing';
import { t, errorSentence, type Key } from '../../i18n';
import { dateTime, number } from '../../i18n/format';
import { usePolling } from '../../components/usePolling';
import { ErrorLine } from '../../components/ErrorLine';
import { mergeEvents, sinceFor, SPANS, type Span } from './timeline';
import './Healing.css';

/** What the self-healing engine saw and did: mode, statistics, and a live timeline with filters. */
export default function Healing() {
  const status = usePolling<HealingStatus>((signal) => readStatus(signal), 15_000);
  const stats = usePolling<HealingMetrics>((signal) => readMetrics(signal), 60_000);
  return (
    <>
      <h1>{t('nav.healing')}</h1>
      {status.data && <ModeNote mode={status.data.mode} />}
      <Timeline />
      <section class="card">
        <h2>{t('healing.stats')}</h2>
        {stats.error && !stats.data && <ErrorLine message={errorSentence(stats.error)} onRetry={stats.retry} />}
        {stats.data && <Stats data={stats.data} />}
      </section>
    </>
  );
}

export function ModeNote({ mode }: { mode: string }) {
  const known = mode === 'act' || mode === 'observe' || mode === 'off' ? mode : 'observe';
  return (
    <p class={`mode mode-${known}`} data-test="healing-mode">
      <strong>{t(`healing.mode.${known}` as Key)}</strong> — {t(`healing.modeNote.${known}` as Key)}
    </p>
  );
}

function Timeline() {
  const [severity, setSeverity] = useState('');
  const [category, setCategory] = useState('');
  const [service, setService] = useState('');
  const [span, setSpan] = useState<Span>('24h');
  const [live, setLive] = useState<HealingEvent[]>([]);
  const { data, error, retry } = usePolling<HealingEvent[]>(
    (signal) => readEvents({ severity: severity || undefined, since: sinceFor(span, Date.now()), limit: 200 }, signal),
    60_000, [severity, span]);
  useEffect(() => {
    setLive([]);
    const channel = openLiveEvents((event) => setLive((current) => [event, ...current].slice(0, 200)), () => undefined);
    return () => channel.close();
  }, [severity, span]);
  const all = mergeEvents(live, data ?? []).filter((e) =>
    (!severity || e.severity === severity) && (!category || e.category === category) && (!service || e.service === service));
  const categories = [...new Set((data ?? []).map((e) => e.category).filter(Boolean))] as string[];
  const services = [...new Set((data ?? []).map((e) => e.service).filter(Boolean))] as string[];
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('healing.timeline')}</h2>
      <form class="row filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('healing.severity')}
          <select value={severity} onChange={(e) => setSeverity(e.currentTarget.value)}>
            <option value="">{t('healing.all')}</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>
          {t('healing.category')}
          <select value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('healing.all')}</option>
            {categories.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>
          {t('healing.service')}
          <select value={service} onChange={(e) => setService(e.currentTarget.value)}>
            <option value="">{t('healing.all')}</option>
            {services.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>
          {t('healing.time')}
          <select value={span} onChange={(e) => setSpan(e.currentTarget.value as Span)}>
            {SPANS.map((s) => <option key={s} value={s}>{t(`history.range.${s}` as Key)}</option>)}
          </select>
        </label>
      </form>
      {error && <ErrorLine message={errorSentence(error)} onRetry={retry} />}
      {data && all.length === 0 && <p class="muted">{t('healing.noEvents')}</p>}
      <ol class="timeline" data-test="healing-timeline">
        {all.map((e) => (
          <li key={`${e.id ?? e.timestamp}-${e.description}`} class={`sev-${e.severity.toLowerCase()}`}>
            <time class="muted small" dateTime={e.timestamp}>{dateTime(e.timestamp)}</time>
            <span class="badge">{e.severity}</span>
            {e.category && <span class="badge">{e.category}</span>}
            {e.service && <span class="badge">{e.service}</span>}
            <p>{e.description}</p>
            {e.actionTaken && <p class="muted small">{e.actionTaken}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Stats({ data }: { data: HealingMetrics }) {
  return (
    <div class="stats">
      <div class="table-wrap">
        <table>
          <caption>{t('healing.uptime')}</caption>
          <thead><tr><th>{t('healing.service')}</th><th>{t('healing.uptimePercent')}</th><th>{t('healing.failures')}</th></tr></thead>
          <tbody>
            {data.uptime.length === 0 && <tr><td colSpan={3} class="muted">{t('healing.noFailures')}</td></tr>}
            {data.uptime.map((u) => <tr key={u.service}><td>{u.service}</td><td>{number(u.uptime_percent, 1)} %</td><td>{number(u.failures)}</td></tr>)}
          </tbody>
        </table>
      </div>
      <div class="table-wrap">
        <table>
          <caption>{t('healing.successRate')}</caption>
          <thead><tr><th>{t('healing.action')}</th><th>{t('healing.runs')}</th><th>{t('healing.succeeded')}</th></tr></thead>
          <tbody>
            {data.action_success.length === 0 && <tr><td colSpan={3} class="muted">{t('healing.noActions')}</td></tr>}
            {data.action_success.map((a) => <tr key={a.action_type}><td>{a.action_type}</td><td>{number(a.runs)}</td><td>{number(a.success_percent, 1)} %</td></tr>)}
          </tbody>
        </table>
      </div>
    </div>
  );
}
