import { signal } from '@preact/signals';

export interface Route {
  path: string;
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

/** Hash routing: mailed links are /app/#/verify-email?token=..., and the server only serves /app/. */
export const route = signal<Route>(parse(window.location.hash));
window.addEventListener('hashchange', () => {
  route.value = parse(window.location.hash);
});

/** Moves to `path` and updates the route at once (hashchange comes a task later): what renders meanwhile sees the new page, not the old one. */
export function navigate(path: string): void {
  window.location.hash = path;
  route.value = parse(path);
}

/** Replaces the current history entry (no new one, nothing left behind in Back): for one-time codes in the hash. */
export function replaceRoute(path: string): void {
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#${path}`);
  route.value = parse(path);
}

export function currentHash(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}
