import { z } from 'zod';
import { Password } from './db-api-auth';
import { EmailAddress } from './db-api-common';
import { MailedToken } from './db-api-invitations';

export const VerifyEmailRequest = z.object({ token: MailedToken });
export type VerifyEmailRequest = z.infer<typeof VerifyEmailRequest>;

export const PasswordResetRequest = z.object({ email: EmailAddress });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** The same answer whether or not an account has this email. */
export const MailRequestAccepted = z.object({ detail: z.string() });
export type MailRequestAccepted = z.infer<typeof MailRequestAccepted>;

export const ResetPasswordRequest = z.object({ token: MailedToken, password: Password });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const ChangePasswordRequest = z.object({ currentPassword: Password, newPassword: Password });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
