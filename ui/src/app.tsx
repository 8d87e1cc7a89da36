import { useEffect } from 'preact/hooks';
import { path, pathname, navigate, onLinkClick } from './router';
import { loggedIn, endSession, rememberReturnTo } from './state/session';
import { language } from './state/language';
import { LanguageSwitch } from './components/LanguageSwitch';
import { connection, browserOffline, liveSample } from './state/live';
import { openLiveSamples } from './api/metrics';
import { logout } from './api/auth';
import { pages, pageFor } from './pages';
import { Login } from './pages/Login/Login';
import { Lazy } from './components/Lazy';
import { t } from './i18n';

/** The frame around every page: navigation, language, log out, the offline banner. */
export function App() {
  const current = pathname(path.value);
  // touch the language so every string re-renders when it changes
  void language.value;
  if (!loggedIn.value) {
    if (current !== '/login') {
      rememberReturnTo(path.value);
      queueMicrotask(() => navigate('/login', true));
    }
    return <Login />;
  }
  if (current === '/login') {
    queueMicrotask(() => navigate('/', true));
    return null;
  }
  return <Shell current={current} />;
}

function Shell({ current }: { current: string }) {
  useEffect(() => {
    // one live channel for the whole dashboard, open while logged in
    const channel = openLiveSamples((sample) => (liveSample.value = sample), (state) => (connection.value = state));
    return () => channel.close();
  }, []);
  const match = pageFor(current);
  const signOut = async () => {
    try {
      await logout();
    } catch {
      // the session ends here either way
    }
    endSession();
    navigate('/login', true);
  };
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <a class="brand" href="/" onClick={onLinkClick}>
          {t('app.name')}
        </a>
        <nav aria-label={t('app.menu')}>
          <ul>
            {pages.map((entry) => (
              <li key={entry.path}>
                <a href={entry.path} onClick={onLinkClick} aria-current={match?.entry === entry ? 'page' : undefined}>
                  {t(entry.nav)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="tools">
          <LanguageSwitch />
          <button type="button" class="secondary" onClick={signOut}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <Banner />
      <main id="main" tabIndex={-1} data-connection={connection.value}>
        {match === null ? (
          <section>
            <p>{t('app.notFound')}</p>
            <a href="/" onClick={onLinkClick}>
              {t('app.toOverview')}
            </a>
          </section>
        ) : 'component' in match.entry ? (
          <match.entry.component subpath={match.subpath} />
        ) : (
          <Lazy load={match.entry.load} subpath={match.subpath} />
        )}
      </main>
    </>
  );
}

function Banner() {
  if (browserOffline.value) return <p class="banner offline" role="status">{t('app.browserOffline')}</p>;
  if (connection.value === 'offline') return <p class="banner offline" role="status">{t('app.offline')}</p>;
  if (connection.value === 'polling') return <p class="banner polling" role="status">{t('app.polling')}</p>;
  return null;
}
