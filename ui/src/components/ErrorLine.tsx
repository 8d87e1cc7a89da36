import { t } from '../i18n';

/** An error as a sentence, with a retry where one makes sense. */
export function ErrorLine({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div class="error" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button type="button" class="secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
