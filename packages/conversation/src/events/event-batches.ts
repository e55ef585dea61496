import {
  CONVERSATION_TURNS_PER_JOB,
  ConversationTurnBatchJob,
  USAGE_EVENTS_PER_JOB,
  UsageEventBatchJob,
  type ConversationTurnJob,
  type UsageEventJob,
} from '@vocalia/contracts';
import { batchJobs, type BatchOf } from '@vocalia/service-kit';
import type { PendingJob } from './enqueue-batch';

/**
 * The envelope of a job carrying several events: its id derived from the events' ids (a retry after a
 * timeout makes the same job), its tenant null when they span several; its request and trace are the
 * first event's.
 */
function batchEnvelope<E extends UsageEventJob | ConversationTurnJob>(prefix: string, { items, digest, tenantId }: BatchOf<E>) {
  const [first] = items;
  return { v: 1 as const, eventId: `${prefix}-${digest}`, tenantId, requestId: first?.requestId, at: first?.at, trace: first?.trace };
}

/**
 * The events among `jobs` bound for `queue` as jobs of up to `size` events (a lone one stays a one-event
 * job), an event sent twice in the same turn kept once; `carrying` makes the job of several.
 */
function grouped<E extends UsageEventJob | ConversationTurnJob>(jobs: PendingJob[], queue: PendingJob['queue'], size: number, carrying: (b: BatchOf<E>) => PendingJob['payload']): PendingJob[] {
  const byId = new Map<string, E>();
  for (const j of jobs) if (j.queue === queue && !byId.has(j.payload.eventId)) byId.set(j.payload.eventId, j.payload as E);
  return batchJobs(
    [...byId.values()],
    size,
    (e) => e.eventId,
    (e): PendingJob => ({ queue, payload: e }),
    (b): PendingJob => ({ queue, payload: carrying(b) }),
  );
}

/**
 * Usage events and completed turns of one event-loop turn, each queue's as few jobs as its batch size
 * allows, so BullMQ's cost per job is paid once per batch; other queues' jobs as they are.
 */
export function groupEvents(jobs: PendingJob[]): PendingJob[] {
  const usage = grouped<UsageEventJob>(jobs, 'usage-events', USAGE_EVENTS_PER_JOB, (b) => UsageEventBatchJob.parse(Object.assign(batchEnvelope('usage-batch', b), { events: b.items })));
  const turns = grouped<ConversationTurnJob>(jobs, 'conversation-events', CONVERSATION_TURNS_PER_JOB, (b) => ConversationTurnBatchJob.parse(Object.assign(batchEnvelope('turns-batch', b), { type: 'turn.completed.batch', turns: b.items })));
  return [...jobs.filter((j) => j.queue !== 'usage-events' && j.queue !== 'conversation-events'), ...turns, ...usage];
}
