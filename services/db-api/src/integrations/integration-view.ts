import type { IntegrationView } from '@vocalia/contracts';
import type { IntegrationConnection } from '@vocalia/db';

/** Never the secret: it leaves db-api only through /internal/, to webhook-router. */
export function toIntegrationView(row: IntegrationConnection, publicBaseUrl: string): IntegrationView {
  return {
    id: row.id,
    provider: row.provider,
    accountId: row.accountId,
    webhookUrl: `${publicBaseUrl.replace(/\/+$/, '')}/webhooks/${row.provider}`,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
