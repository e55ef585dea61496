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

export function navigate(path: string): void {
  window.location.hash = path;
}

export function currentHash(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}
