import type { Prisma } from '@vocalia/db';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { activeCallsWhere } from '../usage/active-calls';

const limited = (message: string, retryAfterSec: number) => new AppError('RATE_LIMITED', message, { headers: { 'Retry-After': String(retryAfterSec) } });

/** Inside the tenant's outbound lock: refuses a call now when the tenant's lines are all busy (inbound and outbound). */
export async function assertLineFree(tx: Prisma.TransactionClient, tenant: { id: string; maxConcurrentCalls: number; maxCallSeconds: number }, now: Date): Promise<void> {
  const active = await tx.call.count({ where: activeCallsWhere(tenant, now) });
  if (active >= tenant.maxConcurrentCalls) throw limited(`${active} calls are in progress, the tenant's limit is ${tenant.maxConcurrentCalls}; retry when one ends`, 30);
}

/** Fixed one-minute window per tenant in Redis (shared by every replica): each call costs money. */
export async function countOutboundCallStart(deps: Pick<Deps, 'redis' | 'queuePrefix'>, tenant: { id: string; outboundCallsPerMinute: number }, now: Date): Promise<void> {
  const minute = Math.floor(now.getTime() / 60_000);
  const key = `${deps.queuePrefix}:outbound-calls-per-minute:${tenant.id}:${minute}`;
  const [[, count]] = (await deps.redis.multi().incr(key).expire(key, 120).exec()) as [[unknown, number], unknown];
  if (count > tenant.outboundCallsPerMinute) throw limited(`At most ${tenant.outboundCallsPerMinute} outbound calls per minute`, 60 - Math.floor((now.getTime() % 60_000) / 1000));
}
