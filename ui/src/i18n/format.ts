import { language } from '../state/language';

/** Numbers, percentages, sizes, dates and durations through Intl in the chosen language. */
export function number(value: number, digits = 0): string {
  return new Intl.NumberFormat(language.value, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

export function percent(value: number): string {
  return new Intl.NumberFormat(language.value, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

export function celsius(value: number): string {
  return new Intl.NumberFormat(language.value, { style: 'unit', unit: 'celsius', maximumFractionDigits: 0 }).format(value);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function bytes(value: number): string {
  let unit = 0;
  let scaled = value;
  while (scaled >= 1024 && unit < BYTE_UNITS.length - 1) {
    scaled /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(language.value, {
    style: 'unit', unit: BYTE_UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(scaled);
}

export function dateTime(value: string | number | Date): string {
  return new Intl.DateTimeFormat(language.value, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(value));
}

export function time(value: string | number | Date): string {
  return new Intl.DateTimeFormat(language.value, { timeStyle: 'medium' }).format(new Date(value));
}

/** "3 days, 4 hours" style, the two largest units. */
export function duration(seconds: number): string {
  const parts: [number, Intl.NumberFormatOptions['unit']][] = [
    [Math.floor(seconds / 86400), 'day'],
    [Math.floor((seconds % 86400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
    [Math.floor(seconds % 60), 'second'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) shown.push([0, 'second']);
  const list = shown.map(([n, unit]) => new Intl.NumberFormat(language.value, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
  return new Intl.ListFormat(language.value, { style: 'narrow', type: 'unit' }).format(list);
}
