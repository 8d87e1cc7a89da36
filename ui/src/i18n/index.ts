import { language } from '../state/language';
import { ApiError, UNREACHABLE } from '../api/http';
import { en, type Key } from './en';
import { de } from './de';

export type { Key };
const tables = { de, en } as const;

/** The string for `key` in the chosen language, placeholders {name} filled in as text. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const template = tables[language.value][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A wait in words: "45 seconds", "3 minutes", in the chosen language. */
export function waitText(seconds: number): string {
  const unit = seconds >= 5400 ? 'hour' : seconds >= 90 ? 'minute' : 'second';
  const amount = unit === 'hour' ? Math.ceil(seconds / 3600) : unit === 'minute' ? Math.ceil(seconds / 60) : Math.max(1, seconds);
  return new Intl.NumberFormat(language.value, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

/** Every error as a sentence for the owner. */
export function errorSentence(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === UNREACHABLE) return t('error.unreachable');
    if (error.status === 423) return t('error.locked', { wait: waitText(error.retryAfterSeconds ?? 60) });
    if (error.status === 429) return t('error.rateLimited', { wait: waitText(error.retryAfterSeconds ?? 60) });
    return t('error.server', { message: error.message });
  }
  return t('error.unknown', { message: error instanceof Error ? error.message : String(error) });
}
