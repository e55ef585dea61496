import type { Router } from 'express';
import { LoginRequest, LogoutRequest, RefreshRequest, RegisterRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { clientIp } from '../access/client-ip';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { getMe } from './get-me';
import { logIn } from './log-in';
import { logOut } from './log-out';
import { refreshSession } from './refresh-session';
import { registerAccount } from './register-account';

export function registerAuthRoutes(router: Router, deps: Deps): void {
  router.post('/api/v1/auth/register', async (req, res) => {
    res.status(201).json(await registerAccount(deps, parseInput(RegisterRequest, req.body), clientIp(req)));
  });
  router.post('/api/v1/auth/login', async (req, res) => {
    res.json(await logIn(deps, parseInput(LoginRequest, req.body), clientIp(req)));
  });
  router.post('/api/v1/auth/refresh', async (req, res) => {
    res.json(await refreshSession(deps, parseInput(RefreshRequest, req.body), clientIp(req)));
  });
  router.post('/api/v1/auth/logout', async (req, res) => {
    await logOut(deps, parseInput(LogoutRequest, req.body));
    res.status(204).end();
  });
  router.get('/api/v1/me', authenticate(deps), async (_req, res) => {
    res.json(await getMe(deps, getAuth(res)));
  });
}
