import { TENANT_UPDATED_CHANNEL, TenantUpdated } from '@vocalia/contracts';
import { createRedis } from '@vocalia/service-kit';

/** The message as a TenantUpdated, or undefined: test files run at once share the machine's Redis, and one publishes garbage on purpose. */
function tenantUpdateIn(message: string): TenantUpdated | undefined {
  try {
    const raw: unknown = JSON.parse(message);
    return TenantUpdated.safeParse(raw).success ? (raw as TenantUpdated) : undefined;
  } catch {
    return undefined;
  }
}

/** Listens on the tenant-updated channel (ignoring what is not a tenant update); `close()` when done. */
export async function listenTenantUpdates(redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') {
  const sub = createRedis(redisUrl, 'subscriber');
  const received: TenantUpdated[] = [];
  sub.on('message', (_channel: string, message: string) => {
    const update = tenantUpdateIn(message);
    if (update) received.push(update);
  });
  await sub.subscribe(TENANT_UPDATED_CHANNEL);
  return {
    received,
    /** Resolves once a message for this tenant and `what` has arrived (or fails after 3 s). */
    async waitFor(tenantId: string, what: TenantUpdated['what']): Promise<TenantUpdated> {
      for (let i = 0; i < 60; i++) {
        const hit = received.find((m) => m.tenantId === tenantId && m.what === what);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no tenant-updated ${what} for ${tenantId}`);
    },
    close: () => sub.quit(),
  };
}
