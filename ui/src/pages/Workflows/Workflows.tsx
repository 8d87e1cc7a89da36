import { useState } from 'preact/hooks';
import { activity, stats, failed, type Activity, type WorkflowStats } from '../../api/workflows';
import { t, errorSentence, type Key } from '../../i18n';
import { dateTime, number, percent } from '../../i18n/format';
import { ErrorLine } from '../../components/ErrorLine';
import { CaCertificateLink } from '../../components/CaCertificate';
import { usePolling } from '../../components/usePolling';
import { milliseconds } from './durations';
import './Workflows.css';

const STATUSES = ['success', 'error', 'crashed', 'canceled', 'running', 'waiting'];

function statusWord(status: string): string {
  return STATUSES.includes(status) ? t(`workflows.status.${status}` as Key) : status;
}

/** n8n's workflows: per-workflow statistics, the latest runs, and the way to n8n itself. */
export default function Workflows() {
  const [range, setRange] = useState<'24h' | '7d'>('7d');
  const summary = usePolling<Activity>((signal) => activity(signal), 15000);
  const perWorkflow = usePolling<WorkflowStats[]>((signal) => stats(range, signal), 30000, [range]);
  const engine = summary.data?.engine;
  return (
    <>
      <h1>{t('workflows.title')}</h1>
      {summary.error && !summary.data && <ErrorLine message={errorSentence(summary.error)} onRetry={summary.retry} />}
      {engine && (
        <p data-test="workflows-engine">
          {!engine.configured ? t('workflows.notConfigured')
            : engine.up ? t('workflows.engineUp') : t('workflows.engineDown', { problem: engine.problem ?? '' })}{' '}
          {engine.configured && (
            <>
              <a href={engine.editor_url} target="_blank" rel="noopener" data-test="open-n8n">{t('workflows.openN8n')}</a>
              <span class="muted small" data-test="n8n-trust"> {t('workflows.trustFirst')} <CaCertificateLink /></span>
            </>
          )}
        </p>
      )}
      <section aria-labelledby="wf-stats">
        <h2 id="wf-stats">{t('workflows.stats')}</h2>
        <label>
          {t('workflows.range')}{' '}
          <select value={range} onChange={(e) => setRange((e.currentTarget as HTMLSelectElement).value as '24h' | '7d')}>
            <option value="24h">{t('workflows.range24h')}</option>
            <option value="7d">{t('workflows.range7d')}</option>
          </select>
        </label>
        {perWorkflow.error && !perWorkflow.data && <ErrorLine message={errorSentence(perWorkflow.error)} onRetry={perWorkflow.retry} />}
        {perWorkflow.data && perWorkflow.data.length === 0 && <p class="muted">{t('workflows.none')}</p>}
        {perWorkflow.data && perWorkflow.data.length > 0 && (
          <div class="table-scroll">
            <table data-test="workflow-stats">
              <thead>
                <tr>
                  <th>{t('workflows.name')}</th>
                  <th>{t('workflows.runs')}</th>
                  <th>{t('workflows.failures')}</th>
                  <th>{t('workflows.successRate')}</th>
                  <th>{t('workflows.avg')}</th>
                  <th>{t('workflows.p95')}</th>
                </tr>
              </thead>
              <tbody>
                {perWorkflow.data.map((w) => (
                  <tr key={w.workflow_name}>
                    <td>{w.workflow_name}</td>
                    <td>{number(w.runs)}</td>
                    <td>{number(w.failures)}</td>
                    <td>{w.success_rate === null ? '–' : percent(w.success_rate * 100)}</td>
                    <td>{milliseconds(w.avg_duration_ms)}</td>
                    <td>{milliseconds(w.p95_duration_ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="wf-runs">
        <h2 id="wf-runs">{t('workflows.latest')}</h2>
        {summary.data && summary.data.recent.length === 0 && <p class="muted">{t('workflows.none')}</p>}
        {summary.data && summary.data.recent.length > 0 && (
          <ul class="runs" data-test="workflow-runs">
            {summary.data.recent.map((run, i) => (
              <li key={run.execution_id ?? i} class={failed(run) ? 'run failed' : 'run'}>
                <strong>{run.workflow_name}</strong> · {statusWord(run.status)} ·{' '}
                {dateTime(run.started_at)} · {milliseconds(run.duration_ms)}
                {run.error && <div class="run-error">{run.error}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
