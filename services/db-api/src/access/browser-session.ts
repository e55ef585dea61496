import type { Request, Response } from 'express';
import { BROWSER_SESSION_HEADER, BROWSER_SESSION_MODE, REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

const DAY_SEC = 86_400;

/** The dashboard asks for cookie sessions with `X-Vocalia-Session: cookie`; API clients never send it and keep the JSON flow. */
export function wantsCookieSession(req: Request): boolean {
  return req.get(BROWSER_SESSION_HEADER) === BROWSER_SESSION_MODE;
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * CSRF guard for routes that read the cookie: the custom header (which no cross-site form or
 * simple request can carry) plus, when the browser sends them, a same-origin Origin and Sec-Fetch-Site.
 */
function assertSameOrigin(req: Request, publicBaseUrl: string): void {
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin') throw new AppError('FORBIDDEN', 'Cross-site session requests are refused');
  const origin = req.get('origin');
  if (!origin) return;
  const ownHosts = new Set([new URL(publicBaseUrl).host, req.get('x-forwarded-host'), req.get('host')].filter(Boolean));
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('FORBIDDEN', 'Cross-site session requests are refused');
  }
  if (!ownHosts.has(host)) throw new AppError('FORBIDDEN', 'Cross-site session requests are refused');
}

/**
 * The body a refresh or logout route parses: for cookie sessions, the refresh token from the cookie
 * (after the CSRF checks); otherwise the JSON body as sent. With `adopt` (refresh only), a cookie
 * session may instead name the refresh token in the body: how the dashboard moves a session it
 * received as JSON (single sign-on's `POST /oauth/session`) into the cookie; the refresh rotates it,
 * so the token the script saw is dead once the cookie holds its successor.
 */
export function refreshBody(req: Request, publicBaseUrl: string, adopt = false): unknown {
  if (!wantsCookieSession(req)) return req.body;
  assertSameOrigin(req, publicBaseUrl);
  const body: unknown = req.body;
  if (adopt && typeof body === 'object' && body !== null && 'refreshToken' in body) return body;
  const token = readCookie(req, REFRESH_COOKIE_NAME);
  if (!token) throw new AppError('UNAUTHENTICATED', 'No session cookie: sign in again');
  return { refreshToken: token };
}

/** Sends tokens: cookie sessions get the refresh token as an HttpOnly cookie and a body without it. */
export function sendSession<T extends { refreshToken: string }>(req: Request, res: Response, body: T, refreshTtlDays: number, status = 200): void {
  if (!wantsCookieSession(req)) {
    res.status(status).json(body);
    return;
  }
  const { refreshToken, ...rest } = body;
  res.cookie(REFRESH_COOKIE_NAME, refreshToken, { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, maxAge: refreshTtlDays * DAY_SEC * 1000 });
  res.status(status).json(rest);
}

/** Logout of a cookie session: the cookie is cleared whatever the token's state. */
export function clearSessionCookie(req: Request, res: Response): void {
  if (wantsCookieSession(req)) res.clearCookie(REFRESH_COOKIE_NAME, { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
}
