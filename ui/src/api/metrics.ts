import { get } from './http';
import { openLive, type LiveChannel } from './live';
import type { Connection } from '../state/live';

/** GET /api/metrics/live and each frame of /api/metrics/live-stream: only the metrics that could be read. */
export interface LiveSample {
  timestamp: string;
  sampled_at: string;
  values: Record<string, number>;
}

export interface HistoryPoint {
  t: string;
  avg: number;
  min: number;
  max: number;
}

export interface History {
  range: Range;
  from: string;
  to: string;
  step_seconds: number;
  series: Record<string, HistoryPoint[]>;
}

export type Range = '1h' | '6h' | '24h' | '7d';
export const RANGES: readonly Range[] = ['1h', '6h', '24h', '7d'];

/** Checks a sample at the border: a value that is not a finite number is left out, so it reads "not available". */
export function parseSample(data: unknown): LiveSample | null {
  if (typeof data !== 'object' || data === null) return null;
  const raw = data as Record<string, unknown>;
  if (typeof raw.sampled_at !== 'string' || typeof raw.values !== 'object' || raw.values === null) return null;
  const values: Record<string, number> = {};
  for (const [name, value] of Object.entries(raw.values as Record<string, unknown>)) {
    if (typeof value === 'number' && Number.isFinite(value)) values[name] = value;
  }
  return { timestamp: typeof raw.timestamp === 'string' ? raw.timestamp : raw.sampled_at, sampled_at: raw.sampled_at, values };
}

export async function liveSample(): Promise<LiveSample | null> {
  return parseSample(await get<unknown>('/api/metrics/live'));
}

export function history(range: Range, signal?: AbortSignal): Promise<History> {
  return get<History>(`/api/metrics/history?range=${encodeURIComponent(range)}`, { signal });
}

export function openLiveSamples(onSample: (sample: LiveSample) => void, onState: (state: Connection) => void): LiveChannel {
  return openLive({
    path: '/api/metrics/live-stream',
    parse: parseSample,
    onMessage: onSample,
    onState,
    poll: liveSample,
    pollEveryMs: 3000,
  });
}
