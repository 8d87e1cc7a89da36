import { describe, expect, it } from 'vitest';
import { ageSeconds, finished, isStale, stepOf, STALE_AFTER_SECONDS } from './backupState';

describe('a backup run', () => {
  it('advances through the steps the runner reports', () => {
    expect(stepOf({ status: 'running', progress: 'starting' })).toEqual({ fraction: 0, key: 'storage.step.starting' });
    expect(stepOf({ status: 'running', progress: 'verifying the archive' }).fraction).toBeCloseTo(0.6);
    expect(stepOf({ status: 'succeeded', progress: 'done' })).toEqual({ fraction: 1, key: 'storage.step.done' });
  });

  it('keeps an unknown step as the server said it', () => {
    expect(stepOf({ status: 'running', progress: 'counting sheep' })).toEqual({ fraction: 0, key: null });
  });

  it('is finished once it is no longer running', () => {
    expect(finished({ status: 'running' })).toBe(false);
    expect(finished({ status: 'failed' })).toBe(true);
    expect(finished({ status: 'succeeded' })).toBe(true);
  });
});

describe('the age of the last good backup', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');

  it('counts from when the backup finished', () => {
    expect(ageSeconds({ started_at: '2026-12-07T10:00:00Z', finished_at: '2026-12-07T11:00:00Z' }, now)).toBe(3600);
  });

  it('is stale after two days or when there was never one', () => {
    expect(isStale(null)).toBe(true);
    expect(isStale(ageSeconds(null, now))).toBe(true);
    expect(isStale(STALE_AFTER_SECONDS)).toBe(false);
    expect(isStale(STALE_AFTER_SECONDS + 1)).toBe(true);
  });
});
