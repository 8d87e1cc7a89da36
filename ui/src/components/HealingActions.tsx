import { recoveryActions, type RecoveryAction } from '../api/healing';
import { t, errorSentence } from '../i18n';
import { dateTime } from '../i18n/format';
import { usePolling } from './usePolling';
import { ErrorLine } from './ErrorLine';

/** The latest healing actions, in the sentences the engine wrote. */
export function HealingActions({ limit = 5 }: { limit?: number }) {
  const { data, error, retry } = usePolling<RecoveryAction[]>((signal) => recoveryActions(limit, signal), 15_000);
  if (error && !data) return <ErrorLine message={errorSentence(error)} onRetry={retry} />;
  if (!data) return <p class="muted">{t('app.loading')}</p>;
  if (data.length === 0) return <p class="muted">{t('healing.noActions')}</p>;
  return (
    <ul class="actions" data-test="healing-actions">
      {data.map((action) => (
        <li key={action.id}>
          <time class="muted small" dateTime={action.occurred_at}>{dateTime(action.occurred_at)}</time>{' '}
          <span>{action.reason ?? action.action_type}</span>
          {action.result && <span class="muted"> — {action.result}</span>}
          {action.mode && action.mode !== 'act' && <span class="badge">{t(`healing.mode.${action.mode === 'off' ? 'off' : 'observe'}`)}</span>}
        </li>
      ))}
    </ul>
  );
}
