/**
 * The page's requests to the preview server (protocol.ts): JSON in and out, each one from this tab's person
 * (tabUser.ts): `user` in a POST body, `?user=` on GET /api/state.
 */

import { win } from './dom';
import { tabUser } from './tabUser';

/** The server answered with an error status (its message), as opposed to not answering at all. */
export class ServerError extends Error {}

async function request<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
  const response = await win.fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response.json().catch(() => null)) as { error?: unknown } | null;
  if (!response.ok) {
    throw new ServerError(data && typeof data.error === 'string' ? data.error : `HTTP ${response.status}`);
  }
  return data as T;
}

export function get<T>(path: string): Promise<T> {
  return request<T>('GET', path);
}

/** A POST as this tab's person (or the server's default person while the tab has none). */
export function post<T>(path: string, body: object): Promise<T> {
  const user = tabUser();
  return request<T>('POST', path, user === null ? body : { ...body, user });
}

/** GET /api/state as this tab's person. */
export function stateUrl(): string {
  const user = tabUser();
  return user === null ? '/api/state' : `/api/state?user=${encodeURIComponent(user)}`;
}
