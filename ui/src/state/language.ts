import { signal, effect } from '@preact/signals';

export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];

/** The only thing the dashboard keeps in localStorage: the chosen language. Never the token. */
const STORAGE_KEY = 'arasul.language';

/** German when the browser prefers it (before English), English otherwise. */
export function languageFrom(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}

function initial(): Language {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  return typeof navigator === 'undefined' ? 'en' : languageFrom(navigator.languages ?? [navigator.language]);
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const language = signal<Language>(initial());

export function chooseLanguage(next: Language): void {
  language.value = next;
  safeStorage()?.setItem(STORAGE_KEY, next);
}

if (typeof document !== 'undefined') {
  effect(() => {
    document.documentElement.lang = language.value;
  });
}
