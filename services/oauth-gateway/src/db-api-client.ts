import { IdentitySignInResponse, INTERNAL_TOKEN_HEADER, type IdentitySignInRequest } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

export interface DbApiOptions {
  baseUrl: string;
  internalToken: string;
  timeoutMs: number;
}

/** db-api's internal sign-in: it alone writes users and mints tokens. A 403 (unverified email) is passed on with db-api's words. */
export function dbApiClient(opts: DbApiOptions) {
  return {
    async signIn(input: IdentitySignInRequest, requestId: string): Promise<IdentitySignInResponse> {
      const res = await fetch(new URL('/internal/v1/identities/sign-in', opts.baseUrl), {
        method: 'POST',
        headers: { [INTERNAL_TOKEN_HEADER]: opts.internalToken, 'content-type': 'application/json', accept: 'application/json', 'x-request-id': requestId },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(opts.timeoutMs),
      }).catch(() => undefined);
      if (!res) throw new AppError('UNAVAILABLE', 'The account service is unreachable; try again shortly');
      const body: unknown = await res.json().catch(() => undefined);
      if (res.status === 403) throw new AppError('FORBIDDEN', String((body as { detail?: unknown } | undefined)?.detail ?? 'Sign-in refused'));
      const parsed = IdentitySignInResponse.safeParse(body);
      if (!res.ok || !parsed.success) throw new AppError('UPSTREAM_FAILED', `The account service answered ${res.status}`);
      return parsed.data;
    },
  };
}
export type DbApiClient = ReturnType<typeof dbApiClient>;
