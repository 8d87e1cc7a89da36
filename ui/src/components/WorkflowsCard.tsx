import { activity, type Activity } from '../api/workflows';
import { t, errorSentence } from '../i18n';
import { dateTime, number } from '../i18n/format';
import { ErrorLine } from './ErrorLine';
import { usePolling } from './usePolling';

/** The overview's card: n8n's runs and failures today and the last failure in words. */
export function WorkflowsCard() {
  const { data, error, retry } = usePolling<Activity>((signal) => activity(signal), 30000);
  if (error && !data) return <ErrorLine message={errorSentence(error)} onRetry={retry} />;
  if (!data) return <p class="muted">{t('app.loading')}</p>;
  const failure = data.last_failure;
  return (
    <div class="workflows-card" data-test="workflows-card">
      <p data-test="workflows-today">
        {t('workflows.today', { runs: number(data.today.runs), failures: number(data.today.failures) })}
      </p>
      <p data-test="workflows-last-failure">
        {failure
          ? t('workflows.lastFailure', { name: failure.workflow_name, when: dateTime(failure.started_at), error: failure.error ?? t('workflows.noMessage') })
          : t('workflows.noFailure')}
      </p>
      {!data.engine.configured ? (
        <p class="muted">{t('workflows.notConfigured')}</p>
      ) : !data.engine.up ? (
        <p class="warning" data-test="workflows-engine-down">{t('workflows.engineDown', { problem: data.engine.problem ?? '' })}</p>
      ) : null}
      <p>
        <a href="/workflows">{t('workflows.details')}</a>
      </p>
    </div>
  );
}
