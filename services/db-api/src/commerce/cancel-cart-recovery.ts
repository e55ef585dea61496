import type { Deps } from '../deps';

/**
 * An order completed the checkout: it is marked recovered, and its cart-recovery call, while still waiting in
 * `outbound-calls` (delayed), is removed and marked canceled so nobody is called about a cart they bought.
 */
export async function cancelCartRecovery(deps: Deps, tenantId: string, token: string): Promise<void> {
  const checkout = await deps.prisma.abandonedCheckout.findUnique({ where: { tenantId_token: { tenantId, token } } });
  if (!checkout) return;
  if (!checkout.recoveredAt) await deps.prisma.abandonedCheckout.updateMany({ where: { id: checkout.id, recoveredAt: null }, data: { recoveredAt: deps.clock() } });
  if (!checkout.callId) return;
  const job = await deps.producers.outboundCalls.queue.getJob(`outbound-call-${checkout.callId}`);
  if (!job || !(await job.isDelayed())) return;
  await job.remove();
  await deps.prisma.call.updateMany({ where: { id: checkout.callId, tenantId, status: 'queued' }, data: { status: 'canceled', endedAt: deps.clock() } });
}
