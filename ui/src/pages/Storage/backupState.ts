import type { Key } from '../../i18n';
import type { BackupRun } from '../../api/storage';

/** The steps a backup run reports (BackupRunner), in order, with the text the page shows for each. */
const STEPS: [string, Key][] = [
  ['starting', 'storage.step.starting'],
  ['dumping the database', 'storage.step.dump'],
  ['writing the archive', 'storage.step.archive'],
  ['verifying the archive', 'storage.step.verify'],
  ['storing the archive', 'storage.step.store'],
  ['done', 'storage.step.done'],
];

/** How far a run is, 0..1, and the key of its step; an unknown step keeps the server's own words. */
export function stepOf(run: Pick<BackupRun, 'status' | 'progress'>): { fraction: number; key: Key | null } {
  if (run.status === 'succeeded') return { fraction: 1, key: 'storage.step.done' };
  const index = STEPS.findIndex(([progress]) => progress === run.progress);
  if (index < 0) return { fraction: 0, key: null };
  return { fraction: index / (STEPS.length - 1), key: STEPS[index][1] };
}

/** Older than this, the last good backup is shown as a warning (the system status says the same). */
export const STALE_AFTER_SECONDS = 2 * 24 * 3600;

/** Seconds since the last good backup, or null when there has never been one. */
export function ageSeconds(lastSuccess: Pick<BackupRun, 'finished_at' | 'started_at'> | null, now: number): number | null {
  if (!lastSuccess) return null;
  const at = Date.parse(lastSuccess.finished_at ?? lastSuccess.started_at);
  return Number.isNaN(at) ? null : Math.max(0, Math.floor((now - at) / 1000));
}

export function isStale(age: number | null): boolean {
  return age === null || age > STALE_AFTER_SECONDS;
}

export const finished = (run: Pick<BackupRun, 'status'>) => run.status !== 'running';
