import { describe, expect, it } from 'vitest';
import { appendBounded, matchesLevel } from './lines';

describe('the live log', () => {
  it('keeps only the newest lines', () => {
    expect(appendBounded(['a', 'b', 'c'], 'd', 3)).toEqual(['b', 'c', 'd']);
    expect(appendBounded(['a'], 'b', 3)).toEqual(['a', 'b']);
  });

  it('lets a line through at the chosen level or above', () => {
    expect(matchesLevel('12:00 ERROR disk full', 'WARN')).toBe(true);
    expect(matchesLevel('12:00 INFO started', 'WARN')).toBe(false);
    expect(matchesLevel('anything', '')).toBe(true);
  });
});
