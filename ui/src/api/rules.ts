import { get, request, post, ApiError, errorOf, authHeaders } from './http';

export interface RuleMessage {
  file: string;
  line: number;
  column: number;
  level: 'ERROR' | 'WARNING' | 'INFO' | string;
  text: string;
}

export interface RuleFile {
  name: string;
  size: number;
  lastModified: string;
}

/** Rule files taken out of service (refused at start, ran away or failed while firing); they stay on disk. */
export interface SetAside {
  files: string[];
  reason: string;
  at: string;
}

export interface RuleSetView {
  name: string;
  activeVersion: number;
  activatedAt: string | null;
  runsShippedRules: boolean;
  activeFiles: string[];
  files: RuleFile[];
  setAside: SetAside[];
}

export const list = async (signal?: AbortSignal) =>
  (await get<{ ruleSets: RuleSetView[] }>('/api/rules', { signal })).ruleSets
    .map((s) => ({ ...s, setAside: Array.isArray(s.setAside) ? s.setAside : [] }));

export const read = (set: string, file: string) =>
  request<string>('GET', `/api/rules/${encodeURIComponent(set)}/${encodeURIComponent(file)}`, { text: true });

export const validate = (set: string, file: string, text: string) =>
  post<{ ok: boolean; messages: RuleMessage[] }>('/api/rules/validate', { set, file, text });

/** Save = validate + activate; a file that does not compile is refused (422) with the compiler's messages. */
export class RulesRefused extends ApiError {
  constructor(message: string, readonly messages: RuleMessage[]) {
    super(422, message);
  }
}

export async function save(set: string, file: string, text: string): Promise<{ activeVersion: number; messages: RuleMessage[] }> {
  const response = await fetch(`/api/rules/${encodeURIComponent(set)}/${encodeURIComponent(file)}`, {
    method: 'PUT',
    headers: { ...authHeaders(), 'Content-Type': 'text/plain; charset=utf-8', Accept: 'application/json' },
    body: text,
  }).catch(() => {
    throw new ApiError(0, 'the appliance could not be reached');
  });
  if (response.status === 422) {
    const body = (await response.json()) as { message?: string; messages?: RuleMessage[] };
    throw new RulesRefused(body.message ?? 'refused', body.messages ?? []);
  }
  if (!response.ok) throw await errorOf(response);
  return response.json();
}
