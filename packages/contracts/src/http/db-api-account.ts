import { z } from 'zod';
import { Language } from '../languages';
import { Password } from './db-api-auth';
import { EmailAddress } from './db-api-common';
import { MailedToken } from './db-api-invitations';

export const VerifyEmailRequest = z.object({ token: MailedToken });
export type VerifyEmailRequest = z.infer<typeof VerifyEmailRequest>;

export const PasswordResetRequest = z.object({
  email: EmailAddress,
  /** The language of the mail; default the language of the account's (oldest) tenant, else English. */
  language: Language.optional(),
});
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** `POST /api/v1/me/verify-email` (the body is optional). */
export const ResendVerificationRequest = z.object({
  /** The language of the mail; default the tenant's default language, else English. */
  language: Language.optional(),
});
export type ResendVerificationRequest = z.infer<typeof ResendVerificationRequest>;

/** The same answer whether or not an account has this email. */
export const MailRequestAccepted = z.object({ detail: z.string() });
export type MailRequestAccepted = z.infer<typeof MailRequestAccepted>;

export const ResetPasswordRequest = z.object({ token: MailedToken, password: Password });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const ChangePasswordRequest = z.object({ currentPassword: Password, newPassword: Password });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
