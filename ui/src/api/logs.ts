import { get } from './http';
import { openEvents, type EventsChannel } from './events';
import type { Connection } from '../state/live';

export interface LogSource {
  name: string;
  kind: string;
}

export const LEVELS = ['', 'ERROR', 'WARN', 'INFO', 'DEBUG'] as const;

export async function sources(signal?: AbortSignal): Promise<LogSource[]> {
  return (await get<{ sources: LogSource[] }>('/api/logs/list', { signal })).sources;
}

export async function tail(service: string, level: string, lines = 200, signal?: AbortSignal): Promise<string[]> {
  const query = new URLSearchParams({ service, lines: String(lines) });
  if (level) query.set('level', level);
  return (await get<{ lines: string[] }>(`/api/logs?${query}`, { signal })).lines;
}

export interface Match {
  service: string;
  line: string;
}

export async function search(q: string, service: string | null, signal?: AbortSignal): Promise<{ matches: Match[]; truncated: boolean }> {
  const query = new URLSearchParams({ q });
  if (service) query.set('service', service);
  return get(`/api/logs/search?${query}`, { signal });
}

/** New lines of one source as they are written (SSE with a stream ticket). */
export function follow(service: string, onLine: (line: string) => void, onState: (state: Connection) => void): EventsChannel {
  return openEvents({
    url: `/api/logs/stream?service=${encodeURIComponent(service)}`,
    events: ['line'],
    onEvent: (_name, data) => onLine(data),
    onState,
  });
}
