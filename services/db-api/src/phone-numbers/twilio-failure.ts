import { AppError } from '@vocalia/service-kit';

/** The HTTP status of a Twilio REST error (the SDK's RestException), if it is one. */
export function twilioStatusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Anything else Twilio answered (or a network failure): 502, without Twilio's message (it can name the account). */
export function twilioUpstreamFailed(what: string, err: unknown): AppError {
  const status = twilioStatusOf(err);
  return new AppError('UPSTREAM_FAILED', `Twilio refused to ${what}${status ? ` (HTTP ${status})` : ' (no answer)'}`);
}
