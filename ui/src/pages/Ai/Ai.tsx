import { useEffect, useRef, useState } from 'preact/hooks';
import { cancelPull, chat, currentPull, deleteModel, followPull, setDefaultModel, startPull, status as readStatus,
  type AiStatus, type Model, type Pull } from '../../api/ai';
import { t, errorSentence } from '../../i18n';
import { bytes, dateTime, percent } from '../../i18n/format';
import { usePolling } from '../../components/usePolling';
import { ErrorLine } from '../../components/ErrorLine';
import './Ai.css';

/** The language model and the embeddings: state and health, models with pull and delete, the default model, a try-it box. */
export default function Ai() {
  const state = usePolling<AiStatus>((signal) => readStatus(signal), 10_000);
  const s = state.data;
  return (
    <>
      <h1>{t('nav.ai')}</h1>
      {state.error && !s && <ErrorLine message={errorSentence(state.error)} onRetry={state.retry} />}
      {s && (
        <section class="card" data-test="ai-services">
          <h2>{t('ai.services')}</h2>
          <ul class="ai-services">
            <li data-test="ai-llm">
              <strong>{t('ai.llm')}</strong>{' '}
              <span class={`badge ${s.llm.state === 'running' ? 'ok' : 'bad'}`}>{s.llm.state === 'running' ? t('ai.running') : t('ai.unavailable')}</span>
              {s.llm.version && <span class="muted"> Ollama {s.llm.version}</span>}
              {s.llm.problem && <div class="small">{s.llm.problem}</div>}
              {s.llm.health && <div class="small">{t('ai.lastProbe')}: {s.llm.health.reason} ({dateTime(s.llm.health.at)})</div>}
            </li>
            <li data-test="ai-embeddings">
              <strong>{t('ai.embeddings')}</strong>{' '}
              <span class="badge">{s.embeddings.provider}</span> {s.embeddings.model}
              <span class="muted"> · {s.embeddings.loaded ? t('ai.loaded') : t('ai.notLoaded')}</span>
              {s.embeddings.health && <div class="small">{t('ai.lastProbe')}: {s.embeddings.health.reason}</div>}
            </li>
            {s.gpu.percent != null && <li>{t('ai.gpu')}: {percent(s.gpu.percent)}
              {s.gpu.memory_used_mb != null && ` · ${bytes(s.gpu.memory_used_mb * 1024 * 1024)}`}</li>}
          </ul>
        </section>
      )}
      {s && <Models models={s.llm.models ?? []} defaultModel={s.llm.default_model} onChange={state.retry} />}
      <PullBox onDone={state.retry} />
      <TryIt />
    </>
  );
}

function Models({ models, defaultModel, onChange }: { models: Model[]; defaultModel: string; onChange: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="card">
      <h2>{t('ai.models')}</h2>
      {error !== null && <ErrorLine message={errorSentence(error)} />}
      {models.length === 0 && <p class="muted">{t('ai.noModels')}</p>}
      {models.length > 0 && (
        <div class="table-wrap">
          <table data-test="ai-models">
            <thead><tr><th>{t('ai.model')}</th><th>{t('ai.size')}</th><th>{t('ai.details')}</th><th>{t('ai.memory')}</th><th /></tr></thead>
            <tbody>
              {models.map((m) => <ModelRow key={m.name} model={m} isDefault={m.name === defaultModel} act={act} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One model; deleting asks first in the row, and for the default model says that it is the default. */
function ModelRow({ model: m, isDefault, act }: { model: Model; isDefault: boolean; act: (work: () => Promise<unknown>) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const question = t(isDefault ? 'ai.confirmDeleteDefault' : 'ai.confirmDelete', { name: m.name });
  return (
    <tr data-model={m.name}>
      <td>{m.name}{isDefault && <span class="badge" data-test="default-badge">{t('ai.default')}</span>}</td>
      <td data-test="model-size">{bytes(m.size)}</td>
      <td class="small">{[m.family, m.parameters, m.quantization].filter(Boolean).join(' · ')}</td>
      <td>{m.loaded ? (m.vram != null ? bytes(m.vram) : t('ai.loaded')) : '–'}</td>
      <td class="actions">
        {!confirming ? (
          <>
            {!isDefault && <button type="button" class="secondary" data-test="model-make-default"
              onClick={() => void act(() => setDefaultModel(m.name))}>{t('ai.makeDefault')}</button>}
            <button type="button" class="danger" data-test="model-delete" onClick={() => setConfirming(true)}>{t('ai.delete')}</button>
          </>
        ) : (
          <span class="confirm" role="group" aria-label={question} data-test="model-delete-question">
            <span class="small">{question}</span>
            <span>
              <button type="button" class="danger" data-test="model-delete-confirm"
                onClick={() => void act(() => deleteModel(m.name, isDefault)).finally(() => setConfirming(false))}>{t('ai.deleteNow')}</button>
              <button type="button" class="secondary" data-test="model-delete-cancel" onClick={() => setConfirming(false)}>{t('app.cancel')}</button>
            </span>
          </span>
        )}
      </td>
    </tr>
  );
}

function PullBox({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [pull, setPull] = useState<Pull | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    void currentPull().then(setPull).catch(() => undefined);
    const channel = followPull((p) => {
      setPull(p);
      if (p.state === 'succeeded') onDone();
    });
    return () => channel.close();
  }, []);
  const start = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      setPull(await startPull(name.trim()));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="card">
      <h2>{t('ai.pull')}</h2>
      <form onSubmit={start} class="row">
        <label>{t('ai.model')} <input value={name} onInput={(e) => setName(e.currentTarget.value)} placeholder="llama3.2" data-test="pull-name" /></label>
        <button type="submit" disabled={!name.trim() || pull?.state === 'running'} data-test="pull-start">{t('ai.pullStart')}</button>
        {pull?.state === 'running' && <button type="button" class="secondary" onClick={() => void cancelPull()}>{t('ai.cancel')}</button>}
      </form>
      {error !== null && <ErrorLine message={errorSentence(error)} />}
      {pull && (
        <div data-test="pull-progress">
          <progress max={100} value={pull.percent ?? undefined} />
          <span class="small"> {pull.model}: {pull.status}{pull.percent != null && ` · ${percent(pull.percent)}`}
            {pull.total > 0 && ` · ${bytes(pull.completed)} / ${bytes(pull.total)}`}</span>
          {pull.error && <ErrorLine message={pull.error} />}
        </div>
      )}
    </section>
  );
}

function TryIt() {
  const [prompt, setPrompt] = useState('');
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  const send = async (event: Event) => {
    event.preventDefault();
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setAnswer('');
    setError(null);
    try {
      await chat(prompt, (text) => setAnswer((a) => a + text), controller.signal);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card">
      <h2>{t('ai.tryIt')}</h2>
      <form onSubmit={send}>
        <textarea rows={3} value={prompt} onInput={(e) => setPrompt(e.currentTarget.value)} data-test="try-prompt" aria-label={t('ai.prompt')} />
        <div class="row">
          <button type="submit" disabled={busy || !prompt.trim()} data-test="try-send">{t('ai.send')}</button>
          {busy && <button type="button" class="secondary" onClick={() => running.current?.abort()}>{t('ai.stop')}</button>}
        </div>
      </form>
      {error !== null && <ErrorLine message={errorSentence(error)} />}
      <output class="answer" data-test="try-answer" aria-live="polite">{answer}</output>
    </section>
  );
}
