import { describe, expect, it } from 'vitest';
import { backoffDelay } from './live';

describe('the reconnect back-off', () => {
  it('doubles with each attempt and is at least half of its cap', () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(3, () => 0.999999)).toBe(4000);
  });

  it('never waits longer than 30 seconds however often it failed', () => {
    expect(backoffDelay(50, () => 0.999999)).toBe(30_000);
    expect(backoffDelay(50, () => 0)).toBe(15_000);
  });

  it('spreads clients apart by its random half', () => {
    expect(backoffDelay(4, () => 0.1)).not.toBe(backoffDelay(4, () => 0.9));
  });
});
