import { token, endSession } from '../state/session';
import { navigate, path } from '../router';

/**
 * The one door to the appliance's HTTP API: adds the bearer token, turns the appliance's error JSON
 * ({timestamp,status,error,message,path}) into an ApiError, and on 401 ends the session and returns to
 * the login page, remembering the page to come back to.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds to wait, from Retry-After (lockout 423, rate limit 429). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** status 0: the appliance could not be reached at all. */
export const UNREACHABLE = 0;

export interface RequestOptions {
  body?: unknown;
  /** A login answers 401 for a wrong password: that must not end a session. */
  anonymous?: boolean;
  signal?: AbortSignal;
  /** The raw text instead of JSON (rule files). */
  text?: boolean;
  contentType?: string;
}

export function authHeaders(): Record<string, string> {
  return token.value ? { Authorization: `Bearer ${token.value}` } : {};
}

export async function request<T>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.anonymous ? {} : authHeaders()) };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === 'string' && options.contentType) {
      body = options.body;
      headers['Content-Type'] = options.contentType;
    } else {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, signal: options.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(UNREACHABLE, 'the appliance could not be reached');
  }
  if (!response.ok) throw await errorOf(response, options.anonymous === true);
  if (response.status === 204) return undefined as T;
  return (options.text ? await response.text() : await response.json()) as T;
}

export const get = <T>(url: string, options?: RequestOptions) => request<T>('GET', url, options);
export const post = <T>(url: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', url, { ...options, body });

/** Reads the error JSON of a failed answer; a 401 on an authenticated call ends the session. */
export async function errorOf(response: Response, anonymous = false): Promise<ApiError> {
  let message = response.statusText || `HTTP ${response.status}`;
  try {
    const json = (await response.json()) as { message?: unknown };
    if (typeof json.message === 'string' && json.message.trim()) message = json.message;
  } catch {
    // not JSON: keep the status text
  }
  if (response.status === 401 && !anonymous) sessionExpired();
  return new ApiError(response.status, message, retryAfter(response.headers.get('Retry-After')));
}

export function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

export function sessionExpired(): void {
  if (token.value === null) return;
  endSession(path.value);
  navigate('/login', true);
}
