import { INTERNAL_TOKEN_HEADER, ResolvedPhoneNumber } from '@vocalia/contracts';
import { AppError, type Logger } from '@vocalia/service-kit';

export interface ResolveClientOptions {
  baseUrl: string;
  internalToken: string;
  timeoutMs: number;
}

/** db-api's `GET /internal/v1/phone-numbers/resolve`: which tenant and agent answer a dialled number. */
export type ResolveNumber = (number: string) => Promise<ResolvedPhoneNumber | null>;

function failure(logger: Logger, why: string): AppError {
  logger.warn('phone number resolution failed', { why });
  return new AppError('UNAVAILABLE', 'The number directory is not answering.');
}

export function createResolveClient(opts: ResolveClientOptions, logger: Logger): ResolveNumber {
  return async (number) => {
    const url = new URL('/internal/v1/phone-numbers/resolve', opts.baseUrl);
    url.searchParams.set('number', number);
    let res: Response;
    try {
      res = await fetch(url, { headers: { [INTERNAL_TOKEN_HEADER]: opts.internalToken, accept: 'application/json' }, signal: AbortSignal.timeout(opts.timeoutMs) });
    } catch (err) {
      throw failure(logger, `no answer: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw failure(logger, `HTTP ${res.status}`);
    }
    const parsed = ResolvedPhoneNumber.safeParse(await res.json());
    if (!parsed.success) throw failure(logger, `answer breaks the contract (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
    // A number answered for another number would route the call to the wrong tenant: refuse it.
    if (parsed.data.number !== number) throw failure(logger, 'answer names another number');
    return parsed.data;
  };
}
