import { Problem } from '@vocalia/contracts';

/** Every non-2xx answer: the HTTP status and the server's problem+json (RFC 9457) body. */
export class VocaliaApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'VocaliaApiError';
    this.status = problem.status;
    this.code = problem.code;
  }

  /** 400 field errors (`body.email`, `query.limit`...). */
  get fieldErrors(): Problem['errors'] {
    return this.problem.errors;
  }
}

/** The server answered 2xx with a body that does not match the contract (client and server out of step). */
export class VocaliaContractError extends Error {
  constructor(
    readonly path: string,
    readonly issues: string[],
  ) {
    super(`Response of ${path} does not match the contract: ${issues.join('; ')}`);
    this.name = 'VocaliaContractError';
  }
}

/** Turns an error response into VocaliaApiError, even when the body is not problem+json (a proxy's 502). */
export function toApiError(status: number, statusText: string, body: unknown, requestId: string | null): VocaliaApiError {
  const parsed = Problem.safeParse(body);
  if (parsed.success) return new VocaliaApiError(parsed.data);
  return new VocaliaApiError({
    type: 'about:blank',
    title: statusText || 'Error',
    status,
    code: status >= 500 ? 'UPSTREAM_FAILED' : 'UNKNOWN',
    detail: typeof body === 'string' && body ? body.slice(0, 500) : `HTTP ${status}`,
    requestId: requestId ?? undefined,
  });
}
