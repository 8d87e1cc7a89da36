import { signal } from '@preact/signals';
import type { LiveSample } from '../api/metrics';

/** How the dashboard hears from the appliance right now. */
export type Connection = 'connecting' | 'live' | 'polling' | 'offline';

/** The newest metric sample, shared by every page that shows live values. */
export const liveSample = signal<LiveSample | null>(null);
export const connection = signal<Connection>('connecting');
/** The browser itself says it has no network. */
export const browserOffline = signal<boolean>(typeof navigator !== 'undefined' && navigator.onLine === false);

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (browserOffline.value = false));
  window.addEventListener('offline', () => (browserOffline.value = true));
}
