import { get, post, authHeaders, ApiError, UNREACHABLE, sessionExpired } from './http';
import { openEvents, type EventsChannel } from './events';
import type { Connection } from '../state/live';

export interface Reason {
  code: string;
  message: string;
}

export interface UpdateEvent {
  occurred_at: string;
  step: string;
  status: string;
  message: string;
}

export interface PackageView {
  id: string;
  version: string | null;
  status: string;
  step: string | null;
  source: string | null;
  file_name: string | null;
  size_bytes: number;
  reasons: Reason[];
  retryable: boolean;
  received_at: string;
  finished_at: string | null;
  progress: { done: number; total: number } | null;
  events: UpdateEvent[];
}

/** The answer of an upload: READY (can be applied) or REFUSED with each reason. */
export interface Intake {
  id: string;
  status: 'READY' | 'REFUSED';
  version: string | null;
  file_name: string;
  reasons: Reason[];
  retryable: boolean;
}

export interface StreamedEvent {
  timestamp: string;
  package_id: string;
  step: string;
  status: string;
  message: string;
}

export const history = async (signal?: AbortSignal) =>
  (await get<{ packages: PackageView[] }>('/api/update/history?limit=20', { signal })).packages;

export const apply = (id: string) => post<{ id: string; status: string; message: string }>('/api/update/apply', { id });

/**
 * Uploads with XMLHttpRequest, whose upload events report the bytes sent (fetch has none); a refused
 * package (422) resolves with its reasons like an accepted one.
 */
export function upload(file: File, onProgress: (sent: number, total: number) => void): { done: Promise<Intake>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Intake>((resolve, reject) => {
    xhr.open('POST', '/api/update/upload');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(UNREACHABLE, 'the appliance could not be reached'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: { message?: string } & Partial<Intake> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status === 200 || (xhr.status === 422 && body.status === 'REFUSED')) resolve(body as Intake);
      else {
        if (xhr.status === 401) sessionExpired();
        reject(new ApiError(xhr.status, body.message ?? xhr.statusText, Number(xhr.getResponseHeader('Retry-After')) || null));
      }
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

export function followUpdates(onEvent: (event: StreamedEvent) => void, onState: (state: Connection) => void): EventsChannel {
  return openEvents({
    url: '/api/update/events',
    events: ['update'],
    onEvent: (_name, data) => {
      try {
        onEvent(JSON.parse(data) as StreamedEvent);
      } catch {
        // a malformed event is skipped; the history refresh shows the state anyway
      }
    },
    onState,
  });
}
