import { get, post } from './http';

export interface LoginAnswer {
  token: string;
  token_type: string;
  expires_at: string;
}

export interface SessionView {
  id: string;
  issued_at: string;
  expires_at: string;
  client_ip: string | null;
  user_agent: string | null;
  last_seen_at: string | null;
  current: boolean;
}

export interface Me {
  username: string;
  password_changed_at: string | null;
  session: SessionView;
}

export function login(username: string, password: string): Promise<LoginAnswer> {
  return post<LoginAnswer>('/api/auth/login', { username, password }, { anonymous: true });
}

export const logout = () => post<{ sessions_ended: number }>('/api/auth/logout');
export const logoutEverywhere = () => post<{ sessions_ended: number }>('/api/auth/logout-all');
export const me = () => get<Me>('/api/auth/me');
export const sessions = () => get<{ sessions: SessionView[] }>('/api/auth/sessions');
export const changePassword = (current: string, next: string) =>
  post<{ message: string; other_sessions_ended: number }>('/api/auth/change-password', {
    current_password: current,
    new_password: next,
  });
