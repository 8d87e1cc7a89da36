import { useEffect, useRef, useState } from 'preact/hooks';
import { list, read, save, validate, RulesRefused, type RuleMessage, type RuleSetView, type SetAside } from '../../api/rules';
import { status as healingStatus, type HealingStatus } from '../../api/healing';
import { navigate, onLinkClick } from '../../router';
import { t, errorSentence } from '../../i18n';
import { dateTime } from '../../i18n/format';
import { usePolling } from '../../components/usePolling';
import { ErrorLine } from '../../components/ErrorLine';
import type { RuleEditor } from './editor';
import './Rules.css';

/** For integrators: the .drl files of each rule set; open one at /rules/<set>/<file>. */
export default function Rules({ subpath }: { subpath: string }) {
  const sets = usePolling<RuleSetView[]>((signal) => list(signal), null);
  const mode = usePolling<HealingStatus>((signal) => healingStatus(signal), null);
  const [set, file] = subpath.split('/').map(decodeURIComponent);
  return (
    <>
      <h1>{t('nav.rules')}</h1>
      {mode.data && mode.data.mode !== 'act' && (
        <p class="mode mode-observe" data-test="rules-observe-note">{t(mode.data.mode === 'off' ? 'rules.offNote' : 'rules.observeNote')}</p>
      )}
      {(sets.data ?? []).flatMap((s) => s.setAside.map((aside, i) => <SetAsideNote key={`${s.name}-${i}`} set={s} aside={aside} />))}
      {sets.error && !sets.data && <ErrorLine message={errorSentence(sets.error)} onRetry={sets.retry} />}
      <div class="rules-layout">
        <nav aria-label={t('rules.files')} class="rule-files">
          {(sets.data ?? []).map((s) => (
            <section key={s.name}>
              <h2>{s.name}</h2>
              <p class="muted small">
                {s.activatedAt ? t('rules.active', { version: s.activeVersion, time: dateTime(s.activatedAt) }) : t('rules.inactive')}
              </p>
              <ul>
                {s.files.map((f) => (
                  <li key={f.name}>
                    <a href={`/rules/${encodeURIComponent(s.name)}/${encodeURIComponent(f.name)}`} onClick={onLinkClick}
                      aria-current={s.name === set && f.name === file ? 'page' : undefined}>{f.name}</a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
        <div class="rule-editor">
          {set && file ? <FileEditor key={`${set}/${file}`} set={set} file={file} onSaved={sets.retry} /> : <p class="muted">{t('rules.pick')}</p>}
        </div>
      </div>
    </>
  );
}

/** Files the appliance took out of service: which, why (the appliance's sentence) and what runs meanwhile. */
function SetAsideNote({ set, aside }: { set: RuleSetView; aside: SetAside }) {
  return (
    <div class="mode set-aside" role="alert" data-test="rules-set-aside">
      <p><strong>{t('rules.setAside', { files: aside.files.join(', '), time: dateTime(aside.at) })}</strong></p>
      <p>{aside.reason}</p>
      <p>{t(set.runsShippedRules ? 'rules.setAsideShipped' : 'rules.setAsideLastGood', { set: set.name })}</p>
    </div>
  );
}

function FileEditor({ set, file, onSaved }: { set: string; file: string; onSaved: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const editor = useRef<RuleEditor | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [messages, setMessages] = useState<RuleMessage[] | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let cancelled = false;
    Promise.all([read(set, file), import('./editor')]).then(([text, { createEditor }]) => {
      if (cancelled || !box.current) return;
      editor.current = createEditor(box.current, text, `${set}/${file}`, () => setOutcome(null));
      setLoaded(true);
    }, (e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
    };
  }, [set, file]);

  const show = (found: RuleMessage[]) => {
    const mine = found.filter((m) => m.file === `${set}/${file}` || m.file.endsWith(`/${file}`) || m.file === file);
    setMessages(found);
    editor.current?.show(mine);
  };

  const check = async () => {
    if (!editor.current) return;
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await validate(set, file, editor.current.text());
      show(answer.messages);
      setOutcome({ ok: answer.ok, text: answer.ok ? t('rules.valid') : t('rules.invalid') });
    } catch (e) {
      setOutcome({ ok: false, text: errorSentence(e) });
    } finally {
      setBusy(false);
    }
  };

  const store = async () => {
    if (!editor.current) return;
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await save(set, file, editor.current.text());
      show(answer.messages);
      setOutcome({ ok: true, text: t('rules.saved', { version: answer.activeVersion }) });
      onSaved();
    } catch (e) {
      if (e instanceof RulesRefused) {
        show(e.messages);
        setOutcome({ ok: false, text: t('rules.refused') });
      } else setOutcome({ ok: false, text: errorSentence(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="editor-title">
      <h2 id="editor-title">{set}/{file}</h2>
      {error !== null && <ErrorLine message={errorSentence(error)} onRetry={() => navigate(`/rules/${set}/${file}`)} />}
      <div ref={box} class="editor" data-test="rule-editor" />
      {!loaded && error === null && <p class="muted">{t('app.loading')}</p>}
      <div class="row">
        <button type="button" class="secondary" onClick={check} disabled={!loaded || busy} data-test="rule-validate">{t('rules.validate')}</button>
        <button type="button" onClick={store} disabled={!loaded || busy} data-test="rule-save">{t('rules.save')}</button>
      </div>
      {outcome && <p class={outcome.ok ? 'ok-text' : 'error'} role="status" data-test="rule-outcome">{outcome.text}</p>}
      {messages && messages.length > 0 && (
        <ul class="messages" data-test="rule-messages">
          {messages.map((m, i) => (
            <li key={i} class={`level-${m.level.toLowerCase()}`}>
              <strong>{t('rules.line', { line: m.line, column: m.column })}</strong> <span class="badge">{m.level}</span> {m.file}: {m.text}
            </li>
          ))}
        </ul>
      )}
      <p class="muted small">{t('rules.saveNote')}</p>
    </section>
  );
}
