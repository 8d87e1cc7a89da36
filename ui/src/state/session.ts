import { signal, computed } from '@preact/signals';

/**
 * The session token lives in memory and in sessionStorage (so a reload keeps the tab logged in, a
 * closed tab forgets it), never in localStorage and never in a URL.
 */
const TOKEN_KEY = 'arasul.token';
const RETURN_KEY = 'arasul.return-to';

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

export const token = signal<string | null>(storage()?.getItem(TOKEN_KEY) ?? null);
export const loggedIn = computed(() => token.value !== null);

export function startSession(value: string): void {
  token.value = value;
  storage()?.setItem(TOKEN_KEY, value);
}

/** Forgets the token; `returnTo` is the page to come back to after the next login. */
export function endSession(returnTo?: string): void {
  token.value = null;
  storage()?.removeItem(TOKEN_KEY);
  if (returnTo) rememberReturnTo(returnTo);
}

export function rememberReturnTo(page: string): void {
  if (!page.startsWith('/login')) storage()?.setItem(RETURN_KEY, page);
}

/** The page the owner was on when the session ended, once; '/' otherwise. */
export function takeReturnTo(): string {
  const value = storage()?.getItem(RETURN_KEY);
  storage()?.removeItem(RETURN_KEY);
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
