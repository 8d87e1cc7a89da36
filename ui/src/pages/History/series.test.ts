import { describe, expect, it } from 'vitest';
import { columns, seriesFor } from './series';
import type { History } from '../../api/metrics';

const history = {
  range: '1h', from: '2026-01-01T00:00:00Z', to: '2026-01-01T01:00:00Z', step_seconds: 60,
  series: {
    'cpu.percent': [{ t: '2026-01-01T00:00:00Z', avg: 10, min: 5, max: 20 }, { t: '2026-01-01T00:01:00Z', avg: 12, min: 5, max: 20 }],
    'disk.percent:/data': [{ t: '2026-01-01T00:01:00Z', avg: 50, min: 50, max: 50 }],
    'disk.percent:/': [],
  },
} satisfies History;

describe('history series', () => {
  it('picks a metric by name and every instance by prefix, leaving empty ones out', () => {
    expect(seriesFor(history, ['disk.percent:'])).toEqual(['disk.percent:/data']);
    expect(seriesFor(history, ['gpu.percent'])).toEqual([]);
  });

  it('aligns series on shared timestamps with gaps as null', () => {
    const [xs, cpu, disk] = columns(history, ['cpu.percent', 'disk.percent:/data']);
    expect(xs).toEqual([1767225600, 1767225660]);
    expect(cpu).toEqual([10, 12]);
    expect(disk).toEqual([null, 50]);
  });
});
