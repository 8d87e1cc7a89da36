import { describe, expect, it } from 'vitest';
import { tilesOf } from './tiles';

const sample = (values: Record<string, number>) => ({ timestamp: 'x', sampled_at: 'x', values });

describe('the overview tiles', () => {
  it('show a missing metric as not available, never as zero', () => {
    const tiles = tilesOf(sample({ 'cpu.percent': 12 }));
    expect(tiles.find((t) => t.id === 'cpu')?.value).toBe(12);
    expect(tiles.find((t) => t.id === 'gpu')?.value).toBeNull();
    expect(tiles.find((t) => t.id === 'gpu-memory')?.value).toBeNull();
    expect(tiles.find((t) => t.id === 'disk')?.value).toBeNull();
  });

  it('compute graphics memory as a share of its total and list each disk by mount', () => {
    const tiles = tilesOf(sample({ 'gpu.memory.used_mb': 512, 'gpu.memory.total_mb': 2048, 'disk.percent:/': 40, 'disk.percent:/data': 70 }));
    expect(tiles.find((t) => t.id === 'gpu-memory')?.value).toBe(25);
    expect(tiles.filter((t) => t.label === 'metric.disk').map((t) => t.labelParams?.mount)).toEqual(['/', '/data']);
  });
});
