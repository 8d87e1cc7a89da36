import { authHeaders, errorOf, get, post, ApiError, UNREACHABLE } from './http';

/** The object storage (GET /api/storage) and the backups (/api/backups): types mirror the API JSON. */

export interface Bucket {
  name: string; exists: boolean; objects?: number; bytes?: number; objectsCapped?: boolean;
  versioning?: string; lifecycle?: string; policy?: string;
}
export interface StorageReport {
  timestamp: string; configured: boolean; status: 'up' | 'down' | 'not_configured'; message: string;
  buckets: Bucket[]; disk: { path: string; total_bytes: number; free_bytes: number };
  last_reconciled_at: string | null; warnings: string[]; unsupported: string[];
}
export interface Backup { name: string; size_bytes: number; created_at: string; location: string }
export interface BackupRun {
  id: string; trigger: string; status: 'running' | 'succeeded' | 'failed' | string; progress: string | null;
  started_at: string; finished_at: string | null; name: string | null; size_bytes: number | null; reason: string | null;
}
export interface BackupListing {
  timestamp: string; backups: Backup[]; last_success: BackupRun | null; runs: BackupRun[]; where: string;
}

export const storage = (signal?: AbortSignal) => get<StorageReport>('/api/storage', { signal });
export const backups = (signal?: AbortSignal) => get<BackupListing>('/api/backups', { signal });
export const backUpNow = () => post<{ id: string; status: string }>('/api/backups');
export const backupRun = (id: string, signal?: AbortSignal) =>
  get<BackupRun>(`/api/backups/runs/${encodeURIComponent(id)}`, { signal });

/**
 * Downloads one archive: a link cannot carry the bearer token, so the archive is fetched with it and
 * handed to the browser as a blob under its own name.
 */
export async function downloadBackup(name: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/backups/${encodeURIComponent(name)}`, { headers: authHeaders() });
  } catch {
    throw new ApiError(UNREACHABLE, 'the appliance could not be reached');
  }
  if (!response.ok) throw await errorOf(response);
  const url = URL.createObjectURL(await response.blob());
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
