import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/**
 * Loads something now and again every `everyMs` while the page is open (and the tab visible);
 * keeps the last good answer when a later one fails.
 */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, everyMs: number | null, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        const value = await loadRef.current(controller.signal);
        if (controller.signal.aborted) return;
        setData(value);
        setError(null);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e);
      }
      if (everyMs !== null) timer = setTimeout(run, document.hidden ? everyMs * 4 : everyMs);
    };
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [everyMs, round, ...deps]);
  const retry = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, retry, setData };
}
