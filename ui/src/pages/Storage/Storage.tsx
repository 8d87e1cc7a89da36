import { useEffect, useState } from 'preact/hooks';
import { backUpNow, backupRun, backups as readBackups, downloadBackup, storage as readStorage,
  type BackupListing, type BackupRun, type StorageReport } from '../../api/storage';
import { t, errorSentence } from '../../i18n';
import { bytes, dateTime, duration, number } from '../../i18n/format';
import { usePolling } from '../../components/usePolling';
import { ErrorLine } from '../../components/ErrorLine';
import { ageSeconds, finished, isStale, stepOf } from './backupState';
import './Storage.css';

/** The object storage's buckets and the disk, the backups with "back up now" and downloads. */
export default function Storage() {
  const store = usePolling<StorageReport>((signal) => readStorage(signal), 30_000);
  const listing = usePolling<BackupListing>((signal) => readBackups(signal), 30_000);
  return (
    <>
      <h1>{t('nav.storage')}</h1>
      {store.error && !store.data && <ErrorLine message={errorSentence(store.error)} onRetry={store.retry} />}
      {store.data && <Buckets report={store.data} />}
      {listing.error && !listing.data && <ErrorLine message={errorSentence(listing.error)} onRetry={listing.retry} />}
      {listing.data && <Backups listing={listing.data} onChange={() => { listing.retry(); store.retry(); }} />}
    </>
  );
}

function Buckets({ report }: { report: StorageReport }) {
  const { disk } = report;
  return (
    <section class="card" data-test="storage-buckets">
      <h2>{t('storage.buckets')}</h2>
      <p data-test="storage-disk">
        {t('storage.disk', { free: bytes(disk.free_bytes), total: bytes(disk.total_bytes) })} <span class="muted">{disk.path}</span>
      </p>
      {!report.configured && <p data-test="storage-not-configured">{t('storage.notConfigured')}</p>}
      {report.configured && report.status !== 'up' && <ErrorLine message={report.message} />}
      {report.warnings.map((w) => <p class="storage-warning" key={w}>{w}</p>)}
      {report.unsupported.length > 0 && <p class="small muted">{t('storage.unsupported', { apis: report.unsupported.join(', ') })}</p>}
      {report.buckets.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead><tr><th>{t('storage.bucket')}</th><th>{t('storage.objects')}</th><th>{t('storage.size')}</th>
              <th>{t('storage.versioning')}</th><th>{t('storage.lifecycle')}</th><th>{t('storage.policy')}</th></tr></thead>
            <tbody>
              {report.buckets.map((b) => (
                <tr key={b.name}>
                  <td>{b.name}</td>
                  {b.exists ? (
                    <>
                      <td>{b.objects != null ? number(b.objects) + (b.objectsCapped ? '+' : '') : '–'}</td>
                      <td>{b.bytes != null ? bytes(b.bytes) : '–'}</td>
                      <td>{b.versioning ?? '–'}</td>
                      <td>{b.lifecycle ?? '–'}</td>
                      <td>{b.policy ?? '–'}</td>
                    </>
                  ) : <td colSpan={5} class="muted">{t('storage.missing')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Backups({ listing, onChange }: { listing: BackupListing; onChange: () => void }) {
  const running = listing.runs.find((r) => r.status === 'running') ?? null;
  const [runId, setRunId] = useState<string | null>(null);
  const [run, setRun] = useState<BackupRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const followed = runId ?? running?.id ?? null;

  useEffect(() => {
    if (!followed) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const current = await backupRun(followed, controller.signal);
        if (controller.signal.aborted) return;
        setRun(current);
        if (finished(current)) {
          setRunId(null);
          onChange();
          return;
        }
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e);
      }
      timer = setTimeout(poll, 1000);
    };
    void poll();
    return () => { controller.abort(); clearTimeout(timer); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [followed]);

  const start = async () => {
    setError(null);
    setRun(null);
    try {
      setRunId((await backUpNow()).id);
    } catch (e) {
      setError(e);
    }
  };
  const download = async (name: string) => {
    setError(null);
    try {
      await downloadBackup(name);
    } catch (e) {
      setError(e);
    }
  };

  const age = ageSeconds(listing.last_success, Date.now());
  const busy = followed !== null && (run === null || !finished(run));
  const step = run ? stepOf(run) : null;
  return (
    <section class="card" data-test="storage-backups">
      <h2>{t('storage.backups')}</h2>
      <p data-test="backup-last" class={isStale(age) ? 'storage-warning' : undefined}>
        {listing.last_success && age !== null
          ? t('storage.lastBackup', { when: dateTime(listing.last_success.finished_at ?? listing.last_success.started_at), age: duration(age) })
          : t('storage.noBackup')}
        {isStale(age) && ` ${t('storage.stale')}`}
      </p>
      <p class="small muted">{t('storage.where', { where: listing.where })}</p>
      <button type="button" data-test="backup-now" disabled={busy} onClick={() => void start()}>{t('storage.backUpNow')}</button>
      {run && step && (
        <div data-test="backup-progress" class="backup-progress">
          {run.status === 'running' && <progress max={1} value={step.fraction} />}
          <span>{step.key ? t(step.key) : run.progress}</span>
          {run.status === 'failed' && <ErrorLine message={t('storage.failed', { reason: run.reason ?? '' })} />}
          {run.status === 'succeeded' && run.name && <span class="muted"> · {run.name}</span>}
        </div>
      )}
      {error !== null && <ErrorLine message={errorSentence(error)} />}
      {listing.backups.length === 0 && <p class="muted">{t('storage.noBackups')}</p>}
      {listing.backups.length > 0 && (
        <div class="table-wrap">
          <table data-test="backup-list">
            <thead><tr><th>{t('storage.backupName')}</th><th>{t('storage.created')}</th><th>{t('storage.size')}</th><th /></tr></thead>
            <tbody>
              {listing.backups.map((b) => (
                <tr key={b.name}>
                  <td>{b.name}</td>
                  <td>{dateTime(b.created_at)}</td>
                  <td>{bytes(b.size_bytes)}</td>
                  <td class="actions">
                    <button type="button" class="secondary" data-test="backup-download" onClick={() => void download(b.name)}>{t('storage.download')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
