import { get, post } from './http';

/** One managed service of GET /api/services. */
export interface Service {
  name: string;
  container_name: string;
  image: string;
  state: string;
  health: string | null;
  restarts: number;
  started_at: string | null;
  uptime_seconds: number;
  critical: boolean;
  needs_attention: boolean;
  restart_backoff_seconds: number;
  cpu_percent: number | null;
  memory_bytes: number | null;
}

export interface RestartOutcome {
  service: string;
  success: boolean;
  message: string;
  duration_ms: number;
}

export async function services(signal?: AbortSignal): Promise<Service[]> {
  return (await get<{ services: Service[] }>('/api/services', { signal })).services;
}

export function restart(name: string): Promise<RestartOutcome> {
  return post<RestartOutcome>(`/api/services/${encodeURIComponent(name)}/restart`);
}
