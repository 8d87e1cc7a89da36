import { useState } from 'preact/hooks';
import { apiKeys, createApiKey, revokeApiKey, type ApiKey, type CreatedKey } from '../../api/ai';
import { t, errorSentence } from '../../i18n';
import { dateTime } from '../../i18n/format';
import { usePolling } from '../../components/usePolling';
import { ErrorLine } from '../../components/ErrorLine';

const SCOPES = ['llm', 'embeddings', 'workflows', 'read'];

/** Keys for integrations: made here, shown once with a copy button, listed by prefix, revoked. */
export function ApiKeys() {
  const keys = usePolling<ApiKey[]>(() => apiKeys(), 60_000);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['llm']);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const create = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      setCreated(await createApiKey(name.trim(), scopes));
      setName('');
      keys.retry();
    } catch (e) {
      setError(e);
    }
  };
  const revoke = async (key: ApiKey) => {
    if (!window.confirm(t('account.keys.confirmRevoke', { name: key.name }))) return;
    try {
      await revokeApiKey(key.id);
      keys.retry();
    } catch (e) {
      setError(e);
    }
  };
  const toggle = (scope: string) =>
    setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));
  return (
    <section class="card">
      <h2>{t('account.keys')}</h2>
      <form onSubmit={create}>
        <label>{t('account.keys.name')} <input value={name} onInput={(e) => setName(e.currentTarget.value)} data-test="key-name" /></label>
        <fieldset>
          <legend>{t('account.keys.scopes')}</legend>
          {SCOPES.map((scope) => (
            <label key={scope}><input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {scope}</label>
          ))}
        </fieldset>
        <button type="submit" disabled={!name.trim() || scopes.length === 0} data-test="key-create">{t('account.keys.create')}</button>
      </form>
      {error !== null && <ErrorLine message={errorSentence(error)} />}
      {created && (
        <div class="notice" data-test="key-created">
          <p>{t('account.keys.once')}</p>
          <code data-test="key-value">{created.key}</code>{' '}
          <button type="button" class="secondary" onClick={() => void navigator.clipboard?.writeText(created.key)}>{t('account.keys.copy')}</button>
        </div>
      )}
      {keys.data && keys.data.length > 0 && (
        <div class="table-wrap">
          <table data-test="api-keys">
            <thead><tr><th>{t('account.keys.name')}</th><th>{t('account.keys.prefix')}</th><th>{t('account.keys.scopes')}</th><th>{t('account.since')}</th><th>{t('account.keys.lastUsed')}</th><th /></tr></thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td><code>{k.prefix}…</code></td>
                  <td>{k.scopes.join(', ')}</td>
                  <td>{dateTime(k.created_at)}</td>
                  <td>{k.last_used_at ? dateTime(k.last_used_at) : '–'}</td>
                  <td><button type="button" class="danger" onClick={() => void revoke(k)}>{t('account.keys.revoke')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
