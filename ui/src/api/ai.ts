import { authHeaders, errorOf, get, post, request, ApiError, UNREACHABLE } from './http';
import { openEvents, type EventsChannel } from './events';

/** The AI services of the box: status, models, pulls, the default model, chat and embeddings. */

export interface Health { service: string; healthy: boolean; reason: string; latencyMillis: number | null; at: string }
export interface Model {
  name: string; size: number; family: string | null; parameters: string | null; quantization: string | null;
  modified: string | null; loaded: boolean; vram: number | null;
}
export interface AiStatus {
  llm: { url: string; default_model: string; state: 'running' | 'unavailable'; version?: string; problem?: string;
    models?: Model[]; in_flight: number; health: Health | null };
  embeddings: { provider: string; model: string; loaded: boolean; health: Health | null };
  gpu: { percent?: number | null; memory_used_mb?: number | null; memory_total_mb?: number | null };
}
export interface Pull {
  id: string; model: string; state: 'running' | 'succeeded' | 'failed' | 'cancelled'; status: string;
  total: number; completed: number; percent: number | null; error: string | null;
}
export interface ApiKey { id: number; name: string; scopes: string[]; prefix: string; created_at: string; last_used_at: string | null }
export interface CreatedKey extends ApiKey { key: string }

export const status = (signal?: AbortSignal) => get<AiStatus>('/api/services/ai', { signal });
export const currentPull = () => get<{ pull: Pull | null }>('/api/services/llm/models/pull').then((a) => a.pull);
export const startPull = (model: string) => post<Pull>('/api/services/llm/models/pull', { model });
export const cancelPull = () => request<unknown>('DELETE', '/api/services/llm/models/pull');
export const setDefaultModel = (model: string) => request<unknown>('PUT', '/api/services/llm/default-model', { body: { model } });
export const deleteModel = (name: string, confirmDefault: boolean) =>
  request<unknown>('DELETE', `/api/services/llm/models/${encodeURIComponent(name)}${confirmDefault ? '?confirm_default=true' : ''}`);

/** The pull's progress as it happens (server-sent events with a stream ticket). */
export function followPull(onPull: (pull: Pull) => void): EventsChannel {
  return openEvents({
    url: '/api/services/llm/models/pull/events',
    events: ['progress'],
    onEvent: (_, data) => {
      const pull = JSON.parse(data) as Pull | { state: 'none' };
      if (pull.state !== 'none') onPull(pull as Pull);
    },
  });
}

/**
 * Streams one chat answer: POST /api/llm/chat answers server-sent events (chunk, done, error), read with
 * fetch because EventSource cannot POST. Calls onText for every piece; resolves when the answer is done.
 */
export async function chat(prompt: string, onText: (text: string) => void, signal: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/llm/chat', {
      method: 'POST', signal,
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json', ...authHeaders() },
      body: JSON.stringify({ messages: [{ role: 'user', content: prompt }] }),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(UNREACHABLE, 'the appliance could not be reached');
  }
  if (!response.ok || !response.body) throw await errorOf(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      if (name === 'error') throw new ApiError(502, String((JSON.parse(data) as { error?: unknown }).error ?? data));
      if (name === 'chunk') {
        const content = (JSON.parse(data) as { message?: { content?: unknown } }).message?.content;
        if (typeof content === 'string') onText(content);
      }
      if (name === 'done') return;
    }
  }
}

export const apiKeys = () => get<{ keys: ApiKey[] }>('/api/auth/api-keys').then((a) => a.keys);
export const createApiKey = (name: string, scopes: string[]) => post<CreatedKey>('/api/auth/api-keys', { name, scopes });
export const revokeApiKey = (id: number) => request<unknown>('DELETE', `/api/auth/api-keys/${id}`);
