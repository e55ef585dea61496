import type { Router } from 'express';
import { ChangePasswordRequest, PasswordResetRequest, ResendVerificationRequest, ResetPasswordRequest, VerifyEmailRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { clientIp } from '../access/client-ip';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { sendSession } from '../access/browser-session';
import { changePassword } from './change-password';
import { requestPasswordReset } from './request-password-reset';
import { resendVerification } from './resend-verification';
import { resetPassword } from './reset-password';
import { verifyEmail } from './verify-email';

export function registerAccountRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.post('/api/v1/auth/verify-email', async (req, res) => {
    await verifyEmail(deps, parseInput(VerifyEmailRequest, req.body));
    res.status(204).end();
  });
  router.post('/api/v1/auth/password-reset', async (req, res) => {
    res.status(202).json(await requestPasswordReset(deps, parseInput(PasswordResetRequest, req.body), clientIp(req)));
  });
  router.post('/api/v1/auth/password-reset/confirm', async (req, res) => {
    await resetPassword(deps, parseInput(ResetPasswordRequest, req.body), clientIp(req));
    res.status(204).end();
  });
  router.post('/api/v1/me/verify-email', auth, async (req, res) => {
    res.status(202).json(await resendVerification(deps, getAuth(res), parseInput(ResendVerificationRequest, req.body ?? {})));
  });
  router.post('/api/v1/me/password', auth, async (req, res) => {
    sendSession(req, res, await changePassword(deps, getAuth(res), parseInput(ChangePasswordRequest, req.body), clientIp(req)), deps.env.REFRESH_TOKEN_TTL_DAYS);
  });
}
