import type { CallEventJob } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { maskPhoneNumber } from './mask-phone';

const TERMINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
const DEFAULT_STATUS: Record<CallEventJob['type'], string | undefined> = {
  'call.started': 'in-progress',
  'call.status': undefined,
  'call.recording': undefined,
  'call.completed': 'completed',
};

/**
 * Upserts the call by SID. Events may arrive late or twice: a final status is never replaced by an
 * earlier one, and applying the same event again changes nothing. Numbers are masked before storage.
 */
export async function ingestCallEvent(deps: Deps, job: CallEventJob): Promise<void> {
  const at = new Date(job.at);
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: job.tenantId }, select: { id: true } });
  const existing = await deps.prisma.call.findUnique({ where: { callSid: job.callSid } });
  if (!tenant || (existing && existing.tenantId !== job.tenantId)) {
    deps.logger.warn('call event dropped: unknown tenant or call of another tenant', { eventId: job.eventId });
    return;
  }
  const status = job.status ?? DEFAULT_STATUS[job.type];
  const ended = job.type === 'call.completed' || (status !== undefined && TERMINAL.has(status));
  const direction = job.direction ?? existing?.direction ?? 'inbound';
  const to = job.to ? (direction === 'outbound' ? maskPhoneNumber(job.to) : job.to) : undefined;
  const keepFinal = existing !== null && TERMINAL.has(existing.status) && (status === undefined || !TERMINAL.has(status));
  const agent = job.agentId ? await deps.prisma.agent.findFirst({ where: { id: job.agentId, tenantId: tenant.id }, select: { id: true } }) : null;
  const conversation = await deps.prisma.conversation.findUnique({ where: { tenantId_sessionId: { tenantId: tenant.id, sessionId: job.callSid } }, select: { id: true } });
  const fields = {
    ...(job.from ? { fromMasked: maskPhoneNumber(job.from) } : {}),
    ...(to ? { to } : {}),
    ...(status && !keepFinal ? { status } : {}),
    ...(job.durationSec !== undefined ? { durationSec: Math.round(job.durationSec) } : {}),
    ...(job.recordingUrl ? { recordingUrl: job.recordingUrl } : {}),
    ...(ended && !existing?.endedAt ? { endedAt: at } : {}),
    ...(agent ? { agentId: agent.id } : {}),
    ...(conversation && !existing?.conversationId ? { conversationId: conversation.id } : {}),
  };
  if (existing) {
    const startedEarlier = job.type === 'call.started' && at < existing.startedAt ? { startedAt: at } : {};
    await deps.prisma.call.update({ where: { id: existing.id }, data: { ...fields, ...startedEarlier } });
    return;
  }
  await deps.prisma.call.create({ data: { tenantId: tenant.id, callSid: job.callSid, direction, startedAt: at, ...fields } });
}
