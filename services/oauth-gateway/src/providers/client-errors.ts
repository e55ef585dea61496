import * as client from 'openid-client';
import { AppError } from '@vocalia/service-kit';
import { SignInRefused } from '../sign-in/sign-in-refused';

// Errors that say the provider could not be reached or answered out of protocol, not that the input was bad.
const UPSTREAM_CODES = new Set(['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON']);

type Detail = { cause?: { claim?: unknown; body?: { error?: unknown } } } | undefined;

/** The claim an id_token check stopped at (`nonce`, `aud`, `exp`...), when the library says. */
function claimOf(err: client.ClientError): string | undefined {
  const claim = (err.cause as Detail)?.cause?.claim;
  return typeof claim === 'string' ? claim : undefined;
}

/** GitHub answers a refused code with 200 and `{ "error": "bad_verification_code" }` instead of a 400. */
function errorInOkBody(err: client.ClientError): string | undefined {
  const error = (err.cause as Detail)?.cause?.body?.error;
  return typeof error === 'string' ? error : undefined;
}

const codeRejected = (provider: string, error: string) =>
  new SignInRefused('code_rejected', 'query.code', `${provider} refused the authorization code (${error}): it may have been used already or expired`);

/** openid-client's errors -> a refusal naming what was wrong, or a 502 when the provider itself failed. */
export function fromClientError(err: unknown, provider: string, responsePath: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof client.AuthorizationResponseError) {
    return new SignInRefused('provider_error', 'query.error', `${provider} answered ${err.error}${err.error_description ? ` (${err.error_description})` : ''}`);
  }
  if (err instanceof client.ResponseBodyError) return codeRejected(provider, err.error);
  if (err instanceof client.ClientError && errorInOkBody(err)) return codeRejected(provider, errorInOkBody(err)!);
  // No code: the library wrapped a failure of its own transport (fetch failed, connection refused).
  if (err instanceof client.ClientError && err.code && !UPSTREAM_CODES.has(err.code)) {
    const claim = claimOf(err);
    return new SignInRefused('id_token_invalid', responsePath, `${err.message}${claim ? ` (${claim})` : ''}${err.code ? ` [${err.code}]` : ''}`);
  }
  return new AppError('UPSTREAM_FAILED', `${provider} could not be reached or answered out of protocol; try again later`);
}
