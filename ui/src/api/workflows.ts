import { get } from './http';

/** One run of a workflow as the appliance recorded it (GET /api/workflows/...). */
export interface WorkflowRun {
  execution_id: string | null;
  workflow_name: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  error: string | null;
  source: string | null;
}

export interface Engine {
  configured: boolean;
  up: boolean;
  healthy: boolean;
  problem: string | null;
  checked_at: string | null;
  editor_url: string;
}

export interface Period {
  runs: number;
  failures: number;
  success_rate: number | null;
}

/** GET /api/workflows/activity: the summary of the overview card. */
export interface Activity {
  engine: Engine;
  last_24h: Period;
  today: Period;
  last_failure: WorkflowRun | null;
  recent: WorkflowRun[];
}

export interface WorkflowStats {
  workflow_name: string;
  runs: number;
  failures: number;
  success_rate: number | null;
  avg_duration_ms: number | null;
  p95_duration_ms: number | null;
  last_run_at: string | null;
}

const FAILED = new Set(['error', 'crashed']);

export function failed(run: WorkflowRun): boolean {
  return FAILED.has(run.status);
}

export async function activity(signal?: AbortSignal): Promise<Activity> {
  const body = await get<Activity>('/api/workflows/activity', { signal });
  if (!body || typeof body.today?.runs !== 'number' || !Array.isArray(body.recent) || !body.engine) {
    throw new Error('the workflow summary is incomplete');
  }
  return body;
}

export async function stats(range: '24h' | '7d', signal?: AbortSignal): Promise<WorkflowStats[]> {
  const body = await get<{ workflows: WorkflowStats[] }>(`/api/workflows/stats?range=${range}`, { signal });
  return Array.isArray(body?.workflows) ? body.workflows : [];
}

export async function history(limit: number, signal?: AbortSignal): Promise<WorkflowRun[]> {
  const body = await get<{ runs: WorkflowRun[] }>(`/api/workflows/history?limit=${limit}`, { signal });
  return Array.isArray(body?.runs) ? body.runs : [];
}
