import { z } from 'zod';
import { IntegrationProvider } from './db-api-integrations';

/** `GET /internal/v1/integrations/:provider/:accountId/secret`: path of webhook-router's read. */
export const IntegrationSecretParams = z.object({
  provider: IntegrationProvider,
  accountId: z.string().min(1).max(100),
});
export type IntegrationSecretParams = z.infer<typeof IntegrationSecretParams>;

/** The connection a provider's webhook names, with its signing secret in clear: only for webhook-router's signature check. */
export const IntegrationSecret = z.object({
  tenantId: z.string(),
  connectionId: z.string(),
  secret: z.string().min(1),
});
export type IntegrationSecret = z.infer<typeof IntegrationSecret>;
