import { ChangePasswordRequest, MailRequestAccepted, PasswordResetRequest, ResendVerificationRequest, ResetPasswordRequest, TokenPair, VerifyEmailRequest } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Accounts';

export const accountRouteDocs: RouteDoc[] = [
  { method: 'post', path: '/api/v1/auth/verify-email', tag, auth: 'public', summary: 'Verify an email address with the token of the mailed link (PUBLIC_BASE_URL/app/#/verify-email?token=...); single-use', body: VerifyEmailRequest, status: 204, response: null },
  { method: 'post', path: '/api/v1/auth/password-reset', tag, auth: 'public', summary: "Mail a password reset link (PUBLIC_BASE_URL/app/#/reset-password?token=...) in `language`, else the language of the account's oldest tenant; the same 202 whether or not the address has an account", body: PasswordResetRequest, status: 202, response: MailRequestAccepted, errors: [429] },
  { method: 'post', path: '/api/v1/auth/password-reset/confirm', tag, auth: 'public', summary: "Set a new password with the reset link's token (single-use, expiring); every session of the account is revoked", body: ResetPasswordRequest, status: 204, response: null },
  { method: 'post', path: '/api/v1/me/verify-email', tag, summary: "Mail a new verification link to the signed-in user in `language`, else the tenant's default language (409 when already verified)", body: ResendVerificationRequest, status: 202, response: MailRequestAccepted, errors: [409] },
  { method: 'post', path: '/api/v1/me/password', tag, summary: "Change the signed-in user's password (with the current one); other sessions end, fresh tokens are returned", body: ChangePasswordRequest, status: 200, response: TokenPair, errors: [429] },
];
