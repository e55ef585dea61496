import type { ConnectIntegrationRequest, Feature, IntegrationProvider, IntegrationView } from '@vocalia/contracts';
import { planHasFeature } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { planRequired } from '../access/plan-required';
import { recordAudit } from '../audit/record-audit';
import { findTenant } from '../tenants/get-tenant';
import { isUniqueViolation } from '../unique-violation';
import { toIntegrationView } from './integration-view';

/** Shopify feeds orders and cart recovery; HubSpot and Klaviyo feed leads (CRM). */
const FEATURE_OF: Record<IntegrationProvider, Feature> = { shopify: 'cart_recovery', hubspot: 'crm_sync', klaviyo: 'crm_sync' };

/** Connects a provider, or replaces the account and secret of the one connected: the secret is sealed (AES-256-GCM) before it is stored. */
export async function connectIntegration(deps: Deps, auth: AuthContext, input: ConnectIntegrationRequest): Promise<IntegrationView> {
  const tenant = await findTenant(deps, auth.tenantId);
  if (!planHasFeature(tenant.plan, FEATURE_OF[input.provider])) throw planRequired(FEATURE_OF[input.provider]);
  const sealed = deps.integrationSecrets.seal(input.secret);
  const data = { accountId: input.accountId, secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId };
  let row;
  try {
    row = await deps.prisma.integrationConnection.upsert({
      where: { tenantId_provider: { tenantId: auth.tenantId, provider: input.provider } },
      create: { tenantId: auth.tenantId, provider: input.provider, ...data },
      update: data,
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new AppError('CONFLICT', `This ${input.provider} account is already connected to another VocalIA workspace`);
  }
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'integration.connected', target: `integration:${row.id}`, meta: { provider: input.provider, accountId: input.accountId, keyId: sealed.keyId } });
  return toIntegrationView(row, deps.env.PUBLIC_BASE_URL);
}
