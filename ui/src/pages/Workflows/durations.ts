import { number } from '../../i18n/format';

/** A run's duration as "850 ms", "12.4 s" or "3.5 min"; a dash when unknown. */
export function milliseconds(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (value < 1000) return `${number(value)} ms`;
  if (value < 60000) return `${number(value / 1000, 1)} s`;
  return `${number(value / 60000, 1)} min`;
}
