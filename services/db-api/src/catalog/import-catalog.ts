import type { CatalogImportResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { CATALOG_CHANGED } from './manage-items';
import { validateRows } from './parse-import-rows';

/**
 * All-or-nothing: when any row is invalid, answers 400 listing every bad row (`errors[].path` = `rows.<n>`)
 * and changes nothing; otherwise upserts every row by sku in one transaction.
 */
export async function importCatalog(deps: Deps, auth: AuthContext, records: unknown[]): Promise<CatalogImportResponse> {
  const { tenantId } = auth;
  const { items, errors } = validateRows(records);
  if (errors.length) {
    const rows = new Set(errors.map((e) => e.row)).size;
    throw new AppError('VALIDATION_FAILED', `${rows} of ${records.length} rows are invalid; nothing was imported`, {
      errors: errors.map((e) => ({ path: `rows.${e.row}`, message: e.message })),
    });
  }
  const tenant = await deps.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true } });
  const result = await deps.prisma.$transaction(async (tx) => {
    const existing = await tx.catalogItem.findMany({ where: { tenantId, sku: { in: items.map((i) => i.sku) } }, select: { id: true, sku: true } });
    const idBySku = new Map(existing.map((e) => [e.sku, e.id]));
    const fresh = items.filter((i) => !idBySku.has(i.sku));
    await tx.catalogItem.createMany({ data: fresh.map((i) => ({ ...i, currency: i.currency ?? tenant.currency, tenantId })) });
    for (const item of items) {
      const id = idBySku.get(item.sku);
      if (id) await tx.catalogItem.update({ where: { id }, data: item });
    }
    return { created: fresh.length, updated: items.length - fresh.length, errors: [] };
  }, { timeout: 60_000 });
  await recordAudit(deps, { tenantId, actor: actorOf(auth), action: 'catalog.imported', meta: { created: result.created, updated: result.updated } });
  await publishTenantUpdated(deps, tenantId, CATALOG_CHANGED);
  return result;
}
