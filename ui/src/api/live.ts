import { token } from '../state/session';
import type { Connection } from '../state/live';

/**
 * Live channels that survive the appliance going away: exponential back-off with jitter between
 * attempts, polling in between so values keep coming, and a state the page can show.
 */

/** "Equal jitter": half the capped exponential delay fixed, the other half random. */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 30_000): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(cap / 2 + random() * (cap / 2));
}

export interface LiveOptions<T> {
  /** Absolute path of the WebSocket endpoint, e.g. /api/metrics/live-stream. */
  path: string;
  parse: (data: unknown) => T | null;
  onMessage: (message: T) => void;
  onState?: (state: Connection) => void;
  /** Asked while the socket is down; null when there is nothing new. */
  poll?: () => Promise<T | null>;
  pollEveryMs?: number;
}

export interface LiveChannel {
  close(): void;
}

export function websocketUrl(path: string, where: Location = location): string {
  return `${where.protocol === 'https:' ? 'wss' : 'ws'}://${where.host}${path}`;
}

/**
 * Opens a WebSocket that carries the session token as the subprotocol pair `bearer, <token>` (never in
 * the URL) and keeps reopening it until closed.
 */
export function openLive<T>(options: LiveOptions<T>): LiveChannel {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let closed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  const setState = (state: Connection) => options.onState?.(state);

  const deliver = (raw: unknown) => {
    const message = options.parse(raw);
    if (message !== null) options.onMessage(message);
  };

  const poll = async () => {
    pollTimer = undefined;
    if (closed || !options.poll || socket?.readyState === WebSocket.OPEN) return;
    try {
      const message = await options.poll();
      if (closed || socket?.readyState === WebSocket.OPEN) return;
      if (message !== null) options.onMessage(message);
      setState('polling');
    } catch {
      if (!closed) setState('offline');
    }
    if (!closed) pollTimer = setTimeout(poll, options.pollEveryMs ?? 5000);
  };

  const connect = () => {
    reconnectTimer = undefined;
    if (closed || token.value === null) return;
    if (attempt === 0) setState('connecting');
    const current = new WebSocket(websocketUrl(options.path), ['bearer', token.value]);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      clearTimeout(pollTimer);
      pollTimer = undefined;
      setState('live');
    };
    current.onmessage = (event) => {
      try {
        deliver(JSON.parse(String(event.data)));
      } catch {
        // a frame that is not JSON is ignored: the next one comes within a second
      }
    };
    current.onclose = () => {
      if (closed || socket !== current) return;
      socket = null;
      if (options.poll) {
        if (pollTimer === undefined) void poll();
      } else {
        setState('offline');
      }
      reconnectTimer = setTimeout(connect, backoffDelay(attempt++));
    };
  };

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      clearTimeout(pollTimer);
      socket?.close(1000);
      socket = null;
    },
  };
}
