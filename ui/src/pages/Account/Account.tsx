import { useState } from 'preact/hooks';
import { changePassword, logoutEverywhere, me as readMe, sessions as readSessions, type Me, type SessionView } from '../../api/auth';
import { endSession } from '../../state/session';
import { navigate } from '../../router';
import { t, errorSentence } from '../../i18n';
import { dateTime } from '../../i18n/format';
import { usePolling } from '../../components/usePolling';
import { ErrorLine } from '../../components/ErrorLine';
import { policy } from './policy';
import { ApiKeys } from './ApiKeys';
import { CaCertificateLink } from '../../components/CaCertificate';
import './Account.css';

/** Change the password (the policy shown as typed), see and end sessions, trust the box's certificate, find the API docs. */
export default function Account() {
  const me = usePolling<Me>(() => readMe(), null);
  const open = usePolling<{ sessions: SessionView[] }>(() => readSessions(), 30_000);
  const [ending, setEnding] = useState<unknown>(null);
  const everywhere = async () => {
    try {
      await logoutEverywhere();
      endSession();
      navigate('/login', true);
    } catch (e) {
      setEnding(e);
    }
  };
  return (
    <>
      <h1>{t('nav.account')}</h1>
      {me.data && <p>{t('account.signedInAs', { name: me.data.username })}</p>}
      <PasswordForm />
      <section class="card">
        <h2>{t('account.sessions')}</h2>
        {open.error && !open.data && <ErrorLine message={errorSentence(open.error)} onRetry={open.retry} />}
        {open.data && (
          <div class="table-wrap">
            <table data-test="sessions">
              <thead><tr><th>{t('account.since')}</th><th>{t('account.lastSeen')}</th><th>{t('account.from')}</th></tr></thead>
              <tbody>
                {open.data.sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{dateTime(s.issued_at)}{s.current && <span class="badge">{t('account.thisSession')}</span>}</td>
                    <td>{s.last_seen_at ? dateTime(s.last_seen_at) : '–'}</td>
                    <td class="small">{[s.client_ip, s.user_agent].filter(Boolean).join(' · ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {ending !== null && <ErrorLine message={errorSentence(ending)} />}
        <button type="button" class="danger" onClick={everywhere} data-test="logout-everywhere">{t('account.logoutEverywhere')}</button>
      </section>
      <section class="card" data-test="trust">
        <h2>{t('trust.title')}</h2>
        <p>{t('trust.text')}</p>
        <CaCertificateLink />
      </section>
      <ApiKeys />
      <section class="card">
        <h2>{t('account.api')}</h2>
        <p>{t('account.apiText')}</p>
        <a href="/api/docs">{t('account.apiLink')}</a>
      </section>
    </>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const rules = policy(next);
  const good = rules.every((r) => r.met) && next === repeat && current.length > 0;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await changePassword(current, next);
      setOutcome({ ok: true, text: t('account.changed', { count: answer.other_sessions_ended }) });
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (e) {
      setOutcome({ ok: false, text: errorSentence(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card">
      <h2>{t('account.password')}</h2>
      <form class="password-form" onSubmit={submit}>
        <input type="text" name="username" autocomplete="username" value="admin" hidden readOnly />
        <label for="current-password">{t('account.current')}</label>
        <input id="current-password" type="password" autocomplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} required />
        <label for="new-password">{t('account.new')}</label>
        <input id="new-password" type="password" autocomplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} aria-describedby="policy" required />
        <ul id="policy" class="policy" aria-live="polite">
          {rules.map((r) => (
            <li key={r.key} class={r.met ? 'met' : 'unmet'}>
              <span aria-hidden="true">{r.met ? '✓' : '✗'}</span> {t(r.key)}
              <span class="visually-hidden">{r.met ? t('account.met') : t('account.unmet')}</span>
            </li>
          ))}
        </ul>
        <label for="repeat-password">{t('account.repeat')}</label>
        <input id="repeat-password" type="password" autocomplete="new-password" value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} required />
        {repeat.length > 0 && repeat !== next && <p class="error">{t('account.mismatch')}</p>}
        <button type="submit" disabled={!good || busy}>{t('account.change')}</button>
        {outcome && <p class={outcome.ok ? 'ok-text' : 'error'} role="status">{outcome.text}</p>}
      </form>
    </section>
  );
}
