import { get } from './http';

export type Level = 'OK' | 'WARNING' | 'CRITICAL';

/** GET /api/system/status: the state in one word and a sentence per reason. */
export interface SystemStatus {
  timestamp: string;
  status: Level;
  reasons: string[];
  sampled_at: string | null;
}

export function status(signal?: AbortSignal): Promise<SystemStatus> {
  return get<SystemStatus>('/api/system/status', { signal });
}
