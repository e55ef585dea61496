import { createWorker, deferJob, type Logger, type Redis, type StalledJobRecovery } from '@vocalia/service-kit';
import { CannotPlaceCall, placeOutboundCall, type OutboundDeps } from './place-outbound-call';

export interface OutboundWorkerOptions {
  connection: Redis;
  prefix?: string;
  logger: Logger;
  deadLetters?: { count: number; ageSec: number };
  stalledJobs?: StalledJobRecovery;
}

/** Consumes `outbound-calls`: each job places one call with the Twilio REST client. */
export function createOutboundWorker(deps: OutboundDeps, opts: OutboundWorkerOptions) {
  return createWorker('outbound-calls', (payload, job, token) => placeOutboundCall(deps, payload, (delayMs) => deferJob(job, token, delayMs)), {
    ...opts,
    permanentError: (err) => (err instanceof CannotPlaceCall ? err.message : undefined),
  });
}
