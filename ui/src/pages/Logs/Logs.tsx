import { useEffect, useRef, useState } from 'preact/hooks';
import { follow, LEVELS, search, sources as readSources, tail, type LogSource, type Match } from '../../api/logs';
import { t, errorSentence } from '../../i18n';
import { usePolling } from '../../components/usePolling';
import { ErrorLine } from '../../components/ErrorLine';
import { appendBounded, matchesLevel } from './lines';
import type { Connection } from '../../state/live';
import './Logs.css';

const MAX_LINES = 1000;

/** Logs by service with a level filter, search, and a live tail that can be paused. */
export default function Logs() {
  const list = usePolling<LogSource[]>((signal) => readSources(signal), null);
  const [service, setService] = useState('');
  const [level, setLevel] = useState('');
  const [lines, setLines] = useState<string[]>([]);
  const [paused, setPaused] = useState(false);
  const [state, setState] = useState<Connection>('connecting');
  const [error, setError] = useState<unknown>(null);
  const pausedRef = useRef(false);
  pausedRef.current = paused;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ matches: Match[]; truncated: boolean } | null>(null);

  useEffect(() => {
    if (!service && list.data?.length) setService(list.data[0].name);
  }, [list.data]);

  useEffect(() => {
    if (!service) return;
    const controller = new AbortController();
    setError(null);
    tail(service, level, 200, controller.signal).then(setLines, (e) => !controller.signal.aborted && setError(e));
    const channel = follow(service, (line) => {
      if (!pausedRef.current && matchesLevel(line, level)) setLines((current) => appendBounded(current, line, MAX_LINES));
    }, setState);
    return () => {
      controller.abort();
      channel.close();
    };
  }, [service, level]);

  const runSearch = async (event: Event) => {
    event.preventDefault();
    try {
      setFound(await search(query, service || null));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1>{t('nav.logs')}</h1>
      {list.error && !list.data && <ErrorLine message={errorSentence(list.error)} onRetry={list.retry} />}
      <form class="row" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('logs.source')}
          <select value={service} onChange={(e) => setService(e.currentTarget.value)} data-test="log-source">
            {(list.data ?? []).map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
          </select>
        </label>
        <label>
          {t('logs.level')}
          <select value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
            {LEVELS.map((l) => <option key={l} value={l}>{l || t('healing.all')}</option>)}
          </select>
        </label>
        <button type="button" class="secondary" onClick={() => setPaused(!paused)} aria-pressed={paused} data-test="log-pause">
          {paused ? t('logs.resume') : t('logs.pause')}
        </button>
        <span class="muted small" role="status">{paused ? t('logs.paused') : t(`logs.state.${state}`)}</span>
      </form>
      <form class="row search" onSubmit={runSearch} role="search">
        <label class="field">
          {t('logs.search')}
          <input type="search" value={query} minLength={2} maxLength={200} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={query.length < 2}>{t('logs.find')}</button>
        {found && <button type="button" class="secondary" onClick={() => setFound(null)}>{t('logs.clear')}</button>}
      </form>
      {error !== null && <ErrorLine message={errorSentence(error)} />}
      {found ? (
        <section>
          <h2>{t('logs.matches', { count: found.matches.length })}</h2>
          {found.truncated && <p class="muted">{t('logs.truncated')}</p>}
          <pre class="log" tabIndex={0}>{found.matches.map((m) => `${m.service}: ${m.line}`).join('\n')}</pre>
        </section>
      ) : (
        <pre class="log" tabIndex={0} data-test="log-lines" aria-label={t('logs.lines')}>{lines.join('\n')}</pre>
      )}
    </>
  );
}
