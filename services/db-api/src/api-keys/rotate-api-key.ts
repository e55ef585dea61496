import type { RotateApiKeyRequest, RotatedApiKey } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { newApiKey } from '../credentials/api-key-format';
import { recordAudit } from '../audit/record-audit';
import { findUsableApiKey } from './find-usable-api-key';

/** A new key with the same name; the old one keeps working for `graceSeconds` so integrations can switch over. */
export async function rotateApiKey(deps: Deps, auth: AuthContext, id: string, input: RotateApiKeyRequest): Promise<RotatedApiKey> {
  const old = await findUsableApiKey(deps, auth.tenantId, id);
  const now = deps.clock();
  const graceEnd = new Date(now.getTime() + input.graceSeconds * 1000);
  // A key already inside an earlier grace period never gets a longer one.
  const expiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
  const fresh = newApiKey();
  const row = await deps.prisma.$transaction(async (tx) => {
    await tx.apiKey.updateMany({ where: { id: old.id, tenantId: auth.tenantId }, data: { expiresAt } });
    return tx.apiKey.create({ data: { tenantId: auth.tenantId, name: old.name, prefix: fresh.prefix, keyHash: fresh.hash, createdById: auth.userId ?? null } });
  });
  await recordAudit(deps, {
    tenantId: auth.tenantId,
    actor: actorOf(auth),
    action: 'api_key.rotated',
    target: `api_key:${old.id}`,
    meta: { newKeyId: row.id, oldPrefix: old.prefix, newPrefix: row.prefix, oldExpiresAt: expiresAt.toISOString() },
  });
  return { id: row.id, name: row.name, prefix: row.prefix, key: fresh.key, createdAt: row.createdAt.toISOString(), previous: { id: old.id, expiresAt: expiresAt.toISOString() } };
}
