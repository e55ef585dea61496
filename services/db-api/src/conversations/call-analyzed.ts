import { Bant } from '@vocalia/contracts';
import type { Call, Prisma } from '@vocalia/db';
import { domainEventId, type DomainEventRecord } from './domain-events';

export const callAnalyzedId = (tenantId: string, callId: string) => domainEventId('call.analyzed', tenantId, callId);

/**
 * `call.analyzed` for a call that has ended and has its transcript (user and assistant turns), lead score
 * (scored BANT) and recording (SID and duration); null while any of them is missing, so no field is null.
 * The id is the call's: recording it again on a later event is a no-op. Checked by the call-events
 * worker on every call event and by the conversation-events worker on every turn of a phone session,
 * whichever completes the set last.
 */
export async function callAnalyzed(tx: Prisma.TransactionClient, call: Call): Promise<DomainEventRecord | null> {
  const { endedAt, callSid, conversationId, recordingSid, recordingDurationSec } = call;
  if (!endedAt || !callSid || !conversationId || !recordingSid || recordingDurationSec === null) return null;
  const conversation = await tx.conversation.findFirst({ where: { id: conversationId, tenantId: call.tenantId }, select: { leadScore: true, bant: true } });
  const bant = Bant.safeParse(conversation?.bant);
  if (!conversation || !bant.success) return null;
  const messages = await tx.message.findMany({
    where: { tenantId: call.tenantId, conversationId, role: { in: ['user', 'assistant'] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { role: true, text: true, createdAt: true },
  });
  if (!messages.length) return null;
  return {
    id: callAnalyzedId(call.tenantId, call.id),
    type: 'call.analyzed',
    data: {
      callId: call.id,
      callSid,
      direction: call.direction,
      conversationId,
      startedAt: call.startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationSec: call.durationSec ?? Math.max(0, Math.round((endedAt.getTime() - call.startedAt.getTime()) / 1000)),
      leadScore: conversation.leadScore,
      bant: bant.data,
      transcript: messages.map((m) => ({ role: m.role, text: m.text, at: m.createdAt.toISOString() })),
      recording: { url: `/api/v1/calls/${encodeURIComponent(call.id)}/recording`, durationSec: recordingDurationSec },
    },
  };
}
