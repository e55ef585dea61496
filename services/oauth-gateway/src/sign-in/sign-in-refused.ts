import { AppError } from '@vocalia/service-kit';

/** Why a sign-in stopped, as the audit log records it. */
export type RefusalReason =
  | 'state_missing'
  | 'state_mismatch'
  | 'provider_error'
  | 'code_rejected'
  | 'id_token_invalid'
  | 'email_missing'
  | 'code_unknown';

/** A 400 naming the bad field, which the gateway audits (no tenant yet) before answering. */
export class SignInRefused extends AppError {
  constructor(
    readonly reason: RefusalReason,
    path: string,
    message: string,
  ) {
    super('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });
  }
}
