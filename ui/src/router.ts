import { signal } from '@preact/signals';

/**
 * Client routes are real paths (/updates, /rules/…): the appliance answers each with index.html, so a
 * reload or a bookmark lands on the same page.
 */
export const path = signal<string>(typeof location === 'undefined' ? '/' : location.pathname + location.search);

export function navigate(to: string, replace = false): void {
  if (to === path.value) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  path.value = to;
  window.scrollTo(0, 0);
}

/** The path without its query. */
export function pathname(value: string = path.value): string {
  const q = value.indexOf('?');
  return q < 0 ? value : value.slice(0, q);
}

export function query(name: string, value: string = path.value): string | null {
  const q = value.indexOf('?');
  return q < 0 ? null : new URLSearchParams(value.slice(q + 1)).get(name);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => (path.value = location.pathname + location.search));
}

/** A same-origin link that changes the page without reloading; ctrl/middle clicks work as usual. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href') ?? '/');
}
