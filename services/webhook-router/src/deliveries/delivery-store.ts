import type { PgPool } from '@vocalia/db';
import { createBatcher } from './batcher';
import { claimDeliveries, type Claim } from './claim-deliveries';
import { recordAttempts, type AttemptRecord } from './record-attempts';

/** How long a claimed attempt is left alone by the sweeper, beyond its timeout (a crashed worker's attempt is retried after). */
export const CLAIM_LEASE_MS = 60_000;
/** A job may fire this much before its row's next_attempt_at and still count as due. */
const DUE_EARLY_MS = 1000;
const BATCH = { maxBatch: 256, maxInFlight: 2 };

/** The delivery rows as the worker reads and writes them: concurrent attempts share one statement per batch. */
export interface DeliveryStore {
  claim(deliveryId: string): Promise<Claim>;
  record(attempt: AttemptRecord): Promise<void>;
}

export function createDeliveryStore(pool: PgPool, clock: () => Date, timeoutMs: number): DeliveryStore {
  const claims = createBatcher<string, Claim>((ids) => {
    const now = clock();
    return claimDeliveries(pool, ids, { now, dueBy: new Date(now.getTime() + DUE_EARLY_MS), leaseUntil: new Date(now.getTime() + timeoutMs + CLAIM_LEASE_MS) });
  }, BATCH);
  const records = createBatcher<AttemptRecord, void>(async (batch) => {
    await recordAttempts(pool, batch, clock());
    return batch.map(() => undefined);
  }, BATCH);
  return { claim: (id) => claims.load(id), record: (a) => records.load(a) };
}
