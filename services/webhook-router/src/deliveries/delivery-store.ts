import { statementName, type PgPool } from '@vocalia/db';
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

export interface DeliveryStoreOptions {
  clock: () => Date;
  /** An attempt's timeout: a claim is leased for it and CLAIM_LEASE_MS more. */
  timeoutMs: number;
  /** The claim and record statements prepared once per connection (DB_PREPARED_STATEMENTS), or parsed each time. */
  preparedStatements: boolean;
}

export function createDeliveryStore(pool: PgPool, opts: DeliveryStoreOptions): DeliveryStore {
  const { clock, timeoutMs } = opts;
  const name = statementName(opts.preparedStatements);
  const claims = createBatcher<string, Claim>((ids) => {
    const now = clock();
    return claimDeliveries(pool, ids, { now, dueBy: new Date(now.getTime() + DUE_EARLY_MS), leaseUntil: new Date(now.getTime() + timeoutMs + CLAIM_LEASE_MS) }, name('webhook-claim'));
  }, BATCH);
  const records = createBatcher<AttemptRecord, void>(async (batch) => {
    await recordAttempts(pool, batch, clock(), name('webhook-record'));
    return batch.map(() => undefined);
  }, BATCH);
  return { claim: (id) => claims.load(id), record: (a) => records.load(a) };
}
