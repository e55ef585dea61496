import type { OutboundCallJob } from '@vocalia/contracts';
import type { Logger, Redis, Places } from '@vocalia/service-kit';
import type { Twilio } from 'twilio';
import { SLOT_MARGIN_SEC, type NumberDirectory } from '../calls/call-deps';
import type { CallCap } from '../calls/call-admission';
import type { CallStore } from '../calls/call-store';
import type { PhoneTurns } from '../turns/phone-turns';

/** A job that can never place its call (no agent, no number of the tenant's own): failed once, kept as a dead letter. */
export class CannotPlaceCall extends Error {
  override readonly name = 'CannotPlaceCall';
}

export interface OutboundDeps {
  logger: Logger;
  redis: Redis;
  keyPrefix: string;
  turns: PhoneTurns;
  numbers: NumberDirectory;
  calls: CallStore;
  slots: Places;
  /** Twilio's time limit on the placed call: the maximum call duration cut to the phone minutes left. */
  callCap: CallCap;
  twilio: Pick<Twilio, 'calls'>;
  urls: { answer: string; status: string };
  now: () => number;
}

/** How long a job waits before trying again when the tenant has no free line. */
export const BUSY_RETRY_MS = 30_000;

const PLACED_MARK_SEC = 24 * 3600;

/**
 * One `outbound-calls` job: the call is placed once (a redelivered job finds its mark), from the
 * job's caller ID once it is checked to be the tenant's own number, within the tenant's concurrent call limit; when the callee answers, Twilio
 * fetches `/voice/outbound` and the call runs like an inbound one.
 */
export async function placeOutboundCall(deps: OutboundDeps, job: OutboundCallJob, waitForLine: (delayMs: number) => Promise<never>): Promise<string | undefined> {
  const agent = await deps.turns.agentFor(job.tenantId, job.agentId);
  if (!agent) throw new CannotPlaceCall('the tenant cannot place calls (unknown, suspended, no telephony or phone minutes used up)');
  const { from } = job;
  const line = await deps.numbers.resolve(from);
  if (!line || line.tenantId !== job.tenantId) throw new CannotPlaceCall('the caller id is not a number of this tenant');

  const mark = `${deps.keyPrefix}:tel:outbound:${job.eventId}`;
  if ((await deps.redis.set(mark, 'placing', 'EX', PLACED_MARK_SEC, 'NX')) === null) {
    deps.logger.info('outbound call already placed for this job', { eventId: job.eventId });
    return undefined;
  }
  const slot = `out:${job.eventId}`;
  const { settings } = line;
  if (!(await deps.slots.acquire(job.tenantId, slot, settings.maxConcurrentCalls, (settings.maxCallSeconds + SLOT_MARGIN_SEC) * 1000))) {
    await deps.redis.del(mark);
    deps.logger.info('outbound call waits: tenant at its concurrent call limit', { eventId: job.eventId, tenantId: job.tenantId });
    return waitForLine(BUSY_RETRY_MS);
  }
  let callSid: string;
  try {
    const created = await deps.twilio.calls.create({
      to: job.to,
      from,
      url: deps.urls.answer,
      method: 'POST',
      statusCallback: deps.urls.status,
      statusCallbackMethod: 'POST',
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      timeLimit: await deps.callCap(job.tenantId, settings.maxCallSeconds),
    });
    callSid = created.sid;
  } catch (err) {
    await Promise.all([deps.slots.release(job.tenantId, slot), deps.redis.del(mark)]);
    throw err;
  }
  await deps.calls.save({
    callSid,
    tenantId: job.tenantId,
    agentId: agent.agentId ?? job.agentId,
    direction: 'outbound',
    language: agent.language,
    settings,
    startedAt: deps.now(),
    silences: 0,
    transferNumber: agent.transferNumber,
    slot,
    callId: job.callId,
    callerNumber: job.to,
    lineNumber: from,
    requestId: job.requestId,
    ended: false,
  });
  deps.logger.info('outbound call placed', { callSid, tenantId: job.tenantId, reason: job.reason });
  return callSid;
}
