import { get } from './http';
import { openLive, type LiveChannel } from './live';
import type { Connection } from '../state/live';

/** One row of GET /api/self-healing/events and each frame of the /api/self-healing/live WebSocket. */
export interface HealingEvent {
  id: number | null;
  timestamp: string;
  eventType: string;
  severity: string;
  category: string | null;
  service: string | null;
  rule: string | null;
  description: string;
  actionTaken: string | null;
  mode: string | null;
}

/** A recovery action as the engine recorded it; `reason` and `result` are the engine's sentences. */
export interface RecoveryAction {
  id: number;
  occurred_at: string;
  action_type: string;
  service: string | null;
  category: string | null;
  rule_name: string | null;
  reason: string | null;
  mode: string | null;
  success: boolean | null;
  result: string | null;
  duration_ms: number | null;
}

export type HealingMode = 'act' | 'observe' | 'off';

export interface HealingStatus {
  mode: HealingMode;
  docker_up: boolean;
  needs_attention: string[];
  last_actions: RecoveryAction[];
}

export interface HealingMetrics {
  since: string;
  uptime: { service: string; failures: number; uptime_percent: number }[];
  action_success: { action_type: string; runs: number; succeeded: number; success_percent: number }[];
}

export interface EventFilter {
  severity?: string;
  eventType?: string;
  since?: string;
  limit?: number;
}

export const SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const;

export function parseEvent(data: unknown): HealingEvent | null {
  if (typeof data !== 'object' || data === null) return null;
  const e = data as Record<string, unknown>;
  if (typeof e.timestamp !== 'string' || typeof e.description !== 'string') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: typeof e.id === 'number' ? e.id : null,
    timestamp: e.timestamp,
    eventType: text(e.eventType) ?? '',
    severity: text(e.severity) ?? 'INFO',
    category: text(e.category),
    service: text(e.service),
    rule: text(e.rule),
    description: e.description,
    actionTaken: text(e.actionTaken),
    mode: text(e.mode),
  };
}

export async function events(filter: EventFilter, signal?: AbortSignal): Promise<HealingEvent[]> {
  const query = new URLSearchParams({ limit: String(filter.limit ?? 100) });
  if (filter.severity) query.set('severity', filter.severity);
  if (filter.eventType) query.set('event_type', filter.eventType);
  if (filter.since) query.set('since', filter.since);
  const answer = await get<{ events: unknown[] }>(`/api/self-healing/events?${query}`, { signal });
  return answer.events.map(parseEvent).filter((e): e is HealingEvent => e !== null);
}

export const status = (signal?: AbortSignal) => get<HealingStatus>('/api/self-healing/status', { signal });
export const metrics = (signal?: AbortSignal) => get<HealingMetrics>('/api/self-healing/metrics', { signal });
export const recoveryActions = async (limit: number, signal?: AbortSignal) =>
  (await get<{ recovery_actions: RecoveryAction[] }>(`/api/self-healing/recovery-actions?limit=${limit}`, { signal })).recovery_actions;

export function openLiveEvents(onEvent: (event: HealingEvent) => void, onState: (state: Connection) => void): LiveChannel {
  return openLive({ path: '/api/self-healing/live', parse: parseEvent, onMessage: onEvent, onState });
}
