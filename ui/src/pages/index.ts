import type { ComponentType } from 'preact';
import type { Key } from '../i18n';
import { Overview } from './Overview/Overview';

type Loaded = ComponentType<{ subpath: string }>;

/**
 * Every page of the dashboard, in the order of the navigation. A page is found by its path and the
 * paths under it (/rules/healing/x.drl → /rules, with subpath "healing/x.drl"). Only the overview is in
 * the first bundle; every other page is its own chunk, loaded when opened.
 */
export type PageEntry = { path: string; nav: Key } & ({ component: Loaded } | { load: () => Promise<Loaded> });

export const pages: PageEntry[] = [
  { path: '/', nav: 'nav.overview', component: Overview },
  { path: '/history', nav: 'nav.history', load: () => import('./History/History').then((m) => m.default) },
  { path: '/healing', nav: 'nav.healing', load: () => import('./Healing/Healing').then((m) => m.default) },
  { path: '/updates', nav: 'nav.updates', load: () => import('./Updates/Updates').then((m) => m.default) },
  { path: '/logs', nav: 'nav.logs', load: () => import('./Logs/Logs').then((m) => m.default) },
  { path: '/rules', nav: 'nav.rules', load: () => import('./Rules/Rules').then((m) => m.default) },
  { path: '/ai', nav: 'nav.ai', load: () => import('./Ai/Ai').then((m) => m.default) },
  { path: '/workflows', nav: 'nav.workflows', load: () => import('./Workflows/Workflows').then((m) => m.default) },
  { path: '/storage', nav: 'nav.storage', load: () => import('./Storage/Storage').then((m) => m.default) },
  { path: '/account', nav: 'nav.account', load: () => import('./Account/Account').then((m) => m.default) },
];

export function pageFor(pathname: string): { entry: PageEntry; subpath: string } | null {
  for (const entry of pages) {
    if (entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(entry.path + '/')) {
      return { entry, subpath: pathname.slice(entry.path.length + 1) };
    }
  }
  return null;
}
