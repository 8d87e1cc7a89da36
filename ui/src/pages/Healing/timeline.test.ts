import { describe, expect, it } from 'vitest';
import { mergeEvents, sinceFor } from './timeline';
import type { HealingEvent } from '../../api/healing';

const event = (id: number | null, timestamp: string, description = 'x'): HealingEvent => ({
  id, timestamp, description, eventType: 'e', severity: 'INFO', category: null, service: null, rule: null, actionTaken: null, mode: null,
});

describe('the healing timeline', () => {
  it('shows an event that arrived live and was loaded too only once, newest first', () => {
    const merged = mergeEvents([event(2, '2026-01-01T00:02:00Z')], [event(2, '2026-01-01T00:02:00Z'), event(1, '2026-01-01T00:01:00Z')]);
    expect(merged.map((e) => e.id)).toEqual([2, 1]);
  });

  it('asks for events since the start of the chosen span', () => {
    expect(sinceFor('1h', Date.parse('2026-01-01T12:00:00Z'))).toBe('2026-01-01T11:00:00.000Z');
  });
});
