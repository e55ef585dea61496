import { signal } from '@preact/signals';
import type { BrowserSessionResponse, MeResponse } from '@vocalia/contracts';
import { createVocaliaBrowserClient, VocaliaApiError } from '@vocalia/sdk';
import { replaceRoute } from '../router';

/** The one API client: db-api on this page's own origin, refresh token in its HttpOnly cookie. */
export const api = createVocaliaBrowserClient({ baseUrl: window.location.origin });

export const me = signal<MeResponse | null>(null);
/** Set once the first silent refresh (page load) has answered, either way. */
export const sessionChecked = signal(false);

const EARLY_SEC = 60;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<boolean> | undefined;

function scheduleRefresh(expiresIn: number): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshNow(), Math.max(5, expiresIn - EARLY_SEC) * 1000);
}

/** Silent refresh from the cookie; false when the session is over (the caller sends the user to sign-in). */
export function refreshNow(): Promise<boolean> {
  inflight ??= api.auth
    .refresh()
    .then(async (tokens) => {
      scheduleRefresh(tokens.expiresIn);
      me.value = await api.auth.me();
      return true;
    })
    .catch(() => {
      me.value = null;
      return false;
    })
    .finally(() => {
      inflight = undefined;
    });
  return inflight;
}

/** After register, login or accepting an invitation: the access token is set by the SDK; load who we are. */
export async function startSession(session: Pick<BrowserSessionResponse, 'expiresIn'>): Promise<void> {
  scheduleRefresh(session.expiresIn);
  me.value = await api.auth.me();
}

/** Set when the page opened with a single sign-on code that could not be redeemed (expired, used, refused). */
export const ssoFailed = signal(false);

/**
 * Page load: when oauth-gateway sent the browser here with `#oauth_code=`, the code leaves the URL
 * and history first, then is redeemed for a session (cookie mode); otherwise the silent refresh.
 */
export async function openSession(): Promise<boolean> {
  const code = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('oauth_code');
  if (!code) return refreshNow();
  replaceRoute('/');
  try {
    await startSession(await api.auth.ssoSignIn(code));
    return true;
  } catch {
    ssoFailed.value = true;
    return refreshNow();
  }
}

export async function endSession(): Promise<void> {
  clearTimeout(refreshTimer);
  await api.auth.logout().catch(() => undefined);
  me.value = null;
}

/** Runs an API call; on 401 refreshes the access token once and retries, else the session is over. */
export async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof VocaliaApiError) || err.status !== 401) throw err;
    if (!(await refreshNow())) throw err;
    return run();
  }
}
