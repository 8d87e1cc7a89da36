import { useState } from 'preact/hooks';
import { services as readServices, restart, type Service } from '../api/services';
import { t, errorSentence } from '../i18n';
import { duration, number } from '../i18n/format';
import { usePolling } from './usePolling';
import { ErrorLine } from './ErrorLine';

/** A tile per managed service: state, uptime, restarts, needs-attention, restart with confirmation. */
export function ServiceTiles() {
  const { data, error, retry } = usePolling<Service[]>((signal) => readServices(signal), 10_000);
  if (error && !data) return <ErrorLine message={errorSentence(error)} onRetry={retry} />;
  if (!data) return <p class="muted">{t('app.loading')}</p>;
  if (data.length === 0) return <p class="muted">{t('services.none')}</p>;
  return (
    <ul class="tiles services" data-test="service-tiles">
      {data.map((service) => (
        <ServiceTile key={service.name} service={service} onRestarted={retry} />
      ))}
    </ul>
  );
}

function ServiceTile({ service, onRestarted }: { service: Service; onRestarted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const running = service.state === 'running';
  const doRestart = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await restart(service.name);
      setOutcome({ ok: answer.success, text: answer.success ? t('services.restarted') : answer.message });
      onRestarted();
    } catch (e) {
      setOutcome({ ok: false, text: errorSentence(e) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <li class={`tile service${service.needs_attention ? ' attention' : ''}`} data-service={service.name}>
      <span class="tile-label">{service.name}</span>
      <span class={running ? 'service-state ok' : 'service-state bad'} data-test="service-state">
        {running ? t('services.running') : t('services.state', { state: service.state })}
        {service.health && service.health !== 'none' ? ` · ${service.health}` : ''}
      </span>
      <span class="small">
        {running && t('services.uptime', { uptime: duration(service.uptime_seconds) })}
        {running && ' · '}
        <span data-test="service-restarts">{t('services.restarts', { count: number(service.restarts) })}</span>
      </span>
      {service.needs_attention && <strong class="small attention-text">{t('services.needsAttention')}</strong>}
      {!confirming ? (
        <button type="button" class="secondary" onClick={() => setConfirming(true)} disabled={busy} data-test="restart">
          {t('services.restart')}
        </button>
      ) : (
        <span class="confirm" role="group" aria-label={t('services.confirm', { name: service.name })}>
          <span class="small">{t('services.confirm', { name: service.name })}</span>
          <button type="button" class="danger" onClick={doRestart} disabled={busy} data-test="restart-confirm">
            {busy ? t('services.restarting') : t('services.restartNow')}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)} disabled={busy}>
            {t('app.cancel')}
          </button>
        </span>
      )}
      {outcome && (
        <span class={outcome.ok ? 'small ok-text' : 'small error'} role="status" data-test="restart-outcome">
          {outcome.text}
        </span>
      )}
    </li>
  );
}
