import { post } from './http';
import { backoffDelay } from './live';
import type { Connection } from '../state/live';

/**
 * Server-sent events without the session token in the URL: each (re)connection first asks for a
 * single-use stream ticket (POST /api/auth/stream-ticket, valid 30 s) and opens `?ticket=`. The
 * browser's own EventSource retry would reuse a spent ticket, so a broken stream is closed and reopened
 * here with a new ticket, after an exponential back-off with jitter.
 */
export interface EventsOptions {
  /** e.g. /api/logs/stream?service=n8n (the ticket is appended). */
  url: string;
  /** Named events to listen to besides the unnamed "message". */
  events?: string[];
  onEvent: (name: string, data: string) => void;
  onState?: (state: Connection) => void;
}

export interface EventsChannel {
  close(): void;
}

export function withTicket(url: string, ticket: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`;
}

export function openEvents(options: EventsOptions): EventsChannel {
  let source: EventSource | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const retry = () => {
    if (closed) return;
    options.onState?.(attempt === 0 ? 'connecting' : 'offline');
    timer = setTimeout(connect, backoffDelay(attempt++));
  };

  const connect = async () => {
    if (closed) return;
    let ticket: string;
    try {
      ticket = (await post<{ ticket: string }>('/api/auth/stream-ticket')).ticket;
    } catch {
      retry();
      return;
    }
    if (closed) return;
    const current = new EventSource(withTicket(options.url, ticket));
    source = current;
    current.onopen = () => {
      attempt = 0;
      options.onState?.('live');
    };
    const listener = (name: string) => (event: MessageEvent) => options.onEvent(name, String(event.data));
    current.onmessage = listener('message');
    for (const name of options.events ?? []) current.addEventListener(name, listener(name) as EventListener);
    current.onerror = () => {
      current.close();
      if (source === current) source = null;
      retry();
    };
  };

  void connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      source?.close();
    },
  };
}
