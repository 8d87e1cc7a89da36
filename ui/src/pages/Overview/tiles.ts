import type { LiveSample } from '../../api/metrics';
import type { Key } from '../../i18n';

/** One live tile: its label, and its value as a percentage or degrees, or null when not available. */
export interface Tile {
  id: string;
  label: Key;
  labelParams?: Record<string, string>;
  kind: 'percent' | 'celsius';
  value: number | null;
}

/**
 * The tiles the overview shows for a sample. A metric the sample lacks is null ("not available"),
 * never 0 %: a Jetson without a readable GPU load must not look idle.
 */
export function tilesOf(sample: LiveSample | null): Tile[] {
  const values = sample?.values ?? {};
  const read = (name: string): number | null => (name in values ? values[name] : null);
  const gpuUsed = read('gpu.memory.used_mb');
  const gpuTotal = read('gpu.memory.total_mb');
  const tiles: Tile[] = [
    { id: 'cpu', label: 'metric.cpu', kind: 'percent', value: read('cpu.percent') },
    { id: 'ram', label: 'metric.ram', kind: 'percent', value: read('ram.percent') },
    { id: 'gpu', label: 'metric.gpu', kind: 'percent', value: read('gpu.percent') },
    {
      id: 'gpu-memory', label: 'metric.gpuMemory', kind: 'percent',
      value: gpuUsed !== null && gpuTotal !== null && gpuTotal > 0 ? (100 * gpuUsed) / gpuTotal : null,
    },
    { id: 'temperature', label: 'metric.temperature', kind: 'celsius', value: read('temperature.max.celsius') },
  ];
  const disks = Object.keys(values).filter((name) => name.startsWith('disk.percent:')).sort();
  if (disks.length === 0) tiles.push({ id: 'disk', label: 'metric.diskAny', kind: 'percent', value: null });
  for (const name of disks) {
    const mount = name.slice('disk.percent:'.length);
    tiles.push({ id: `disk-${mount}`, label: 'metric.disk', labelParams: { mount }, kind: 'percent', value: values[name] });
  }
  return tiles;
}
