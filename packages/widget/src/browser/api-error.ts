import type { Problem } from '@vocalia/contracts';

/** A failed call to voice-api: the server's problem+json when there was one, status 0 when the network failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  get isNetwork(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export function problemToError(body: unknown, status: number): ApiError {
  const problem = (body ?? {}) as Partial<Problem>;
  const code = typeof problem.code === 'string' ? problem.code : `HTTP_${status}`;
  const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
  return new ApiError(typeof problem.status === 'number' ? problem.status : status, code, detail);
}

/** Reads an error response; a body that is not problem+json still gives a usable error. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  return problemToError(body, res.status);
}

export function networkError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const name = (err as { name?: string } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError') return new ApiError(0, 'TIMEOUT', 'The request timed out');
  return new ApiError(0, 'NETWORK', err instanceof Error ? err.message : 'Network error');
}
