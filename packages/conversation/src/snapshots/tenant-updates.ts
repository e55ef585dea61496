import { TENANT_UPDATED_CHANNEL, TenantUpdated } from '@vocalia/contracts';
import type { Logger, Redis } from '@vocalia/service-kit';

export interface TenantUpdateHandlers {
  /** One tenant changed: drop what is cached about it. */
  onTenantUpdated(update: TenantUpdated): void;
  /** Messages may have been missed while the subscription was down: drop everything. */
  onResubscribed(): void;
}

/** Listen on `tenant-updated` with a dedicated subscriber connection; resolves once subscribed. */
export async function subscribeTenantUpdates(subscriber: Redis, handlers: TenantUpdateHandlers, logger: Logger): Promise<void> {
  let wasReady = subscriber.status === 'ready';
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== TENANT_UPDATED_CHANNEL) return;
    let raw: unknown;
    try {
      raw = JSON.parse(message);
    } catch {
      raw = undefined;
    }
    const parsed = TenantUpdated.safeParse(raw);
    if (!parsed.success) {
      logger.warn('tenant-updated message ignored: bad shape', { issues: parsed.error?.issues.slice(0, 3) });
      return;
    }
    handlers.onTenantUpdated(parsed.data);
  });
  subscriber.on('ready', () => {
    if (wasReady) {
      logger.info('tenant-updated subscription restored; caches dropped');
      handlers.onResubscribed();
    }
    wasReady = true;
  });
  await subscriber.subscribe(TENANT_UPDATED_CHANNEL);
}
