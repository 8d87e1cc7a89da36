import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t, errorSentence } from '../i18n';
import { ErrorLine } from './ErrorLine';

type Loaded = ComponentType<{ subpath: string }>;

/** Shows a page whose code is loaded on demand (its own chunk), with a retry when loading fails. */
export function Lazy({ load, subpath }: { load: () => Promise<Loaded>; subpath: string }) {
  const [page, setPage] = useState<{ component: Loaded } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setError(null);
    load().then((component) => current && setPage({ component }), (e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [load, attempt]);
  if (error) return <ErrorLine message={errorSentence(error)} onRetry={() => setAttempt(attempt + 1)} />;
  if (!page) return <p class="muted">{t('app.loading')}</p>;
  const Page = page.component;
  return <Page subpath={subpath} />;
}
