import type { Router } from 'express';
import { LoginRequest, LogoutRequest, RefreshRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { clientIp } from '../access/client-ip';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { clearSessionCookie, refreshBody, sendSession } from '../access/browser-session';
import { getMe } from './get-me';
import { logIn } from './log-in';
import { logOut } from './log-out';
import { parseRegistration } from './parse-registration';
import { refreshSession } from './refresh-session';
import { registerAccount } from './register-account';

export function registerAuthRoutes(router: Router, deps: Deps): void {
  router.post('/api/v1/auth/register', async (req, res) => {
    sendSession(req, res, await registerAccount(deps, parseRegistration(req.body), clientIp(req)), deps.env.REFRESH_TOKEN_TTL_DAYS, 201);
  });
  router.post('/api/v1/auth/login', async (req, res) => {
    sendSession(req, res, await logIn(deps, parseInput(LoginRequest, req.body), clientIp(req)), deps.env.REFRESH_TOKEN_TTL_DAYS);
  });
  router.post('/api/v1/auth/refresh', async (req, res) => {
    sendSession(req, res, await refreshSession(deps, parseInput(RefreshRequest, refreshBody(req, deps.env.PUBLIC_BASE_URL, true)), clientIp(req)), deps.env.REFRESH_TOKEN_TTL_DAYS);
  });
  router.post('/api/v1/auth/logout', async (req, res) => {
    await logOut(deps, parseInput(LogoutRequest, refreshBody(req, deps.env.PUBLIC_BASE_URL)));
    clearSessionCookie(req, res);
    res.status(204).end();
  });
  router.get('/api/v1/me', authenticate(deps), async (_req, res) => {
    res.json(await getMe(deps, getAuth(res)));
  });
}
