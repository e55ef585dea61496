import { planHasFeature } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { withinCallingHours } from '../calls/calling-hours';
import { placeOutboundCallAs } from '../calls/place-outbound-call';
import { toTenantCallSettings } from '../tenants/call-settings';

export type CartRecoveryOutcome = 'recorded' | 'call_scheduled' | 'no_outbound_calls' | 'no_phone' | 'no_line' | 'no_calling_hours';

/** A cart is called about an hour after it was left, at the first hour inside the tenant's calling hours. */
const DELAY_MS = 60 * 60_000;
const STEP_MS = 15 * 60_000;
const HORIZON_STEPS = (7 * 24 * 60) / 15;

function firstSlot(hours: Parameters<typeof withinCallingHours>[0], timeZone: string, from: Date): Date | null {
  for (let i = 0; i <= HORIZON_STEPS; i += 1) {
    const at = new Date(from.getTime() + i * STEP_MS);
    if (withinCallingHours(hours, timeZone, at)) return at;
  }
  return null;
}

/**
 * Queues one cart-recovery call through `outbound-calls` (telephony-bridge dials it). The checkout is claimed first
 * (a placeholder call id), so two deliveries of the same checkout processed at once schedule one call.
 */
export async function scheduleCartRecovery(deps: Deps, tenantId: string, checkoutId: string, phone: string | null): Promise<CartRecoveryOutcome> {
  const tenant = await deps.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  if (!planHasFeature(tenant.plan, 'outbound_calls')) return 'no_outbound_calls';
  if (!phone) return 'no_phone';
  const { callingHours } = toTenantCallSettings(tenant);
  const when = firstSlot(callingHours, tenant.timezone, new Date(deps.clock().getTime() + DELAY_MS));
  if (!when) return 'no_calling_hours';
  const claim = `claim:${checkoutId}`;
  const { count } = await deps.prisma.abandonedCheckout.updateMany({ where: { id: checkoutId, callId: null }, data: { callId: claim } });
  if (!count) return 'recorded';
  try {
    const call = await placeOutboundCallAs(deps, tenantId, 'shopify:cart-recovery', { to: phone, reason: 'cart_recovery', scheduledAt: when.toISOString() });
    await deps.prisma.abandonedCheckout.updateMany({ where: { id: checkoutId, callId: claim }, data: { callId: call.id } });
    return 'call_scheduled';
  } catch (err) {
    await deps.prisma.abandonedCheckout.updateMany({ where: { id: checkoutId, callId: claim }, data: { callId: null } });
    // No number or agent to call from: the cart stays recorded; anything else (Redis away, rate limit) is retried.
    if (err instanceof AppError && err.code === 'CONFLICT') return 'no_line';
    throw err;
  }
}
