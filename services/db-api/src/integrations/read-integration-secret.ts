import type { IntegrationSecret, IntegrationSecretParams } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';

/** For webhook-router only (/internal/): the connection a webhook names, with its secret opened. */
export async function readIntegrationSecret(deps: Deps, params: IntegrationSecretParams): Promise<IntegrationSecret> {
  const row = await deps.prisma.integrationConnection.findUnique({ where: { provider_accountId: { provider: params.provider, accountId: params.accountId } } });
  if (!row) throw notFound('Integration');
  return { tenantId: row.tenantId, connectionId: row.id, secret: deps.integrationSecrets.open({ ciphertext: row.secretCiphertext, keyId: row.secretKeyId }) };
}
