import type { HealingEvent } from '../../api/healing';

export type Span = '1h' | '6h' | '24h' | '7d';
export const SPANS: readonly Span[] = ['1h', '6h', '24h', '7d'];
const HOURS: Record<Span, number> = { '1h': 1, '6h': 6, '24h': 24, '7d': 168 };

export function sinceFor(span: Span, now: number): string {
  return new Date(now - HOURS[span] * 3_600_000).toISOString();
}

/** Live events first, then the loaded ones, each event once (by id, or time and text without one), newest first. */
export function mergeEvents(live: HealingEvent[], loaded: HealingEvent[]): HealingEvent[] {
  const seen = new Set<string>();
  const key = (e: HealingEvent) => (e.id !== null ? `id:${e.id}` : `${e.timestamp}|${e.description}`);
  const merged: HealingEvent[] = [];
  for (const e of [...live, ...loaded]) {
    const k = key(e);
    if (seen.has(k)) continue;
    seen.add(k);
    merged.push(e);
  }
  return merged.sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
}
