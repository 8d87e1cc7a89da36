import { useEffect, useState } from 'preact/hooks';
import { apply, followUpdates, history as readHistory, upload, type Intake, type PackageView, type StreamedEvent } from '../../api/updates';
import { t, errorSentence } from '../../i18n';
import { bytes, dateTime, percent } from '../../i18n/format';
import { usePolling } from '../../components/usePolling';
import { ErrorLine } from '../../components/ErrorLine';
import './Updates.css';

/** Upload with byte progress, the check's result with each reason, apply with live steps, history. */
export default function Updates() {
  const past = usePolling<PackageView[]>((signal) => readHistory(signal), 15_000);
  const [steps, setSteps] = useState<StreamedEvent[]>([]);
  useEffect(() => {
    const channel = followUpdates((event) => {
      setSteps((current) => [...current, event].slice(-50));
      past.retry();
    }, () => undefined);
    return () => channel.close();
  }, []);
  return (
    <>
      <h1>{t('nav.updates')}</h1>
      <Upload onDone={past.retry} />
      {steps.length > 0 && (
        <section class="card" aria-live="polite">
          <h2>{t('updates.progress')}</h2>
          <ol class="steps" data-test="update-steps">
            {steps.map((s, i) => (
              <li key={i} class={`step-${s.status}`}>
                <span class="badge">{s.step}</span> {s.message}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section class="card">
        <h2>{t('updates.history')}</h2>
        {past.error && !past.data && <ErrorLine message={errorSentence(past.error)} onRetry={past.retry} />}
        {past.data && past.data.length === 0 && <p class="muted">{t('updates.none')}</p>}
        {past.data && past.data.length > 0 && (
          <div class="table-wrap">
            <table data-test="update-history">
              <thead><tr><th>{t('updates.version')}</th><th>{t('updates.status')}</th><th>{t('updates.received')}</th><th>{t('updates.file')}</th></tr></thead>
              <tbody>
                {past.data.map((p) => (
                  <tr key={p.id}>
                    <td>{p.version ?? '–'}</td>
                    <td>{p.status}{p.reasons.length > 0 && <ul class="small">{p.reasons.map((r) => <li key={r.code}>{r.message}</li>)}</ul>}</td>
                    <td>{dateTime(p.received_at)}</td>
                    <td>{p.file_name ?? p.source ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p class="muted">{t('updates.usb')}</p>
    </>
  );
}

function Upload({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ sent: number; total: number } | null>(null);
  const [result, setResult] = useState<Intake | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [applying, setApplying] = useState<string | null>(null);

  const start = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    setError(null);
    setApplying(null);
    setSent({ sent: 0, total: file.size });
    try {
      const answer = await upload(file, (s, total) => setSent({ sent: s, total })).done;
      setResult(answer);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSent(null);
    }
  };

  const install = async () => {
    if (!result) return;
    setError(null);
    try {
      const answer = await apply(result.id);
      setApplying(answer.message);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="card">
      <h2>{t('updates.upload')}</h2>
      <form onSubmit={start} class="row">
        <label class="field">
          {t('updates.choose')}
          <input type="file" name="file" accept=".araupdate" data-test="update-file"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={!file || sent !== null} data-test="update-upload">{t('updates.send')}</button>
      </form>
      {sent && (
        <div class="progress" data-test="upload-progress">
          <progress max={sent.total} value={sent.sent} />
          <span class="small">{t('updates.sent', { sent: bytes(sent.sent), total: bytes(sent.total), percent: percent(sent.total ? (100 * sent.sent) / sent.total : 0) })}</span>
        </div>
      )}
      {error !== null && <ErrorLine message={errorSentence(error)} onRetry={file ? () => start(new Event('submit')) : undefined} />}
      {result && (
        <div class={result.status === 'READY' ? 'outcome ok' : 'outcome refused'} data-test="update-result" role="status">
          <p>
            <strong>{result.status === 'READY' ? t('updates.ready', { version: result.version ?? '?' }) : t('updates.refused')}</strong>
          </p>
          {result.reasons.length > 0 && (
            <ul data-test="update-reasons">
              {result.reasons.map((r) => <li key={r.code}>{r.message}</li>)}
            </ul>
          )}
          {result.status === 'READY' && !applying && (
            <button type="button" onClick={install} data-test="update-apply">{t('updates.apply')}</button>
          )}
          {applying && <p>{applying}</p>}
        </div>
      )}
    </section>
  );
}
