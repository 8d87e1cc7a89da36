import { useState } from 'preact/hooks';
import { login } from '../../api/auth';
import { ApiError } from '../../api/http';
import { startSession, takeReturnTo } from '../../state/session';
import { navigate } from '../../router';
import { t, errorSentence } from '../../i18n';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import './Login.css';

/**
 * A real form with the autocomplete names password managers look for; a wrong password, a lockout and
 * a rate limit each read as a sentence (the last two with the wait).
 */
export function Login() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const answer = await login(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
      startSession(answer.token);
      navigate(takeReturnTo(), true);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('login.wrong') : errorSentence(e));
      setBusy(false);
    }
  };

  return (
    <main id="main" class="login">
      <div class="login-language">
        <LanguageSwitch />
      </div>
      <form method="post" action="/api/auth/login" onSubmit={submit} aria-describedby="login-intro">
        <h1>{t('app.name')}</h1>
        <p id="login-intro">{t('login.intro')}</p>
        <label for="username">{t('login.username')}</label>
        <input id="username" name="username" autocomplete="username" required autoCapitalize="none" spellcheck={false} defaultValue="admin" />
        <label for="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required autoFocus />
        {error && (
          <p class="error" role="alert" data-test="login-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <p class="muted small">{t('login.hint')}</p>
      </form>
    </main>
  );
}
