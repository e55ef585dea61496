import type { CatalogItemInput, CatalogItemResponse, UpdateCatalogItemRequest } from '@vocalia/contracts';
import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { isUniqueViolation } from '../unique-violation';
import { toCatalogItemResponse } from './item-view';

/** The catalog travels in the tenant snapshot beside the knowledge base: its changes drop cached snapshots the same way. */
export const CATALOG_CHANGED = 'knowledge';

const skuTaken = (sku: string) =>
  new AppError('CONFLICT', `An item with sku "${sku}" already exists`, { errors: [{ path: 'body.sku', message: 'already used by another item', rule: 'already_used' }] });

async function tenantCurrency(deps: Deps, tenantId: string): Promise<string> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { currency: true } });
  return tenant?.currency ?? 'EUR';
}

export async function createItem(deps: Deps, tenantId: string, input: CatalogItemInput): Promise<CatalogItemResponse> {
  const currency = input.currency ?? (await tenantCurrency(deps, tenantId));
  try {
    const item = await deps.prisma.catalogItem.create({ data: { ...input, currency, tenantId } });
    await publishTenantUpdated(deps, tenantId, CATALOG_CHANGED);
    return toCatalogItemResponse(item);
  } catch (err) {
    if (isUniqueViolation(err)) throw skuTaken(input.sku);
    throw err;
  }
}

export async function updateItem(deps: Deps, tenantId: string, id: string, input: UpdateCatalogItemRequest): Promise<CatalogItemResponse> {
  try {
    const { count } = await deps.prisma.catalogItem.updateMany({ where: { id, tenantId }, data: input });
    if (!count) throw notFound('Catalog item');
  } catch (err) {
    if (isUniqueViolation(err)) throw skuTaken(input.sku ?? '');
    throw err;
  }
  await publishTenantUpdated(deps, tenantId, CATALOG_CHANGED);
  return getItem(deps, tenantId, id);
}

export async function deleteItem(deps: Deps, tenantId: string, id: string): Promise<void> {
  const { count } = await deps.prisma.catalogItem.deleteMany({ where: { id, tenantId } });
  if (!count) throw notFound('Catalog item');
  await publishTenantUpdated(deps, tenantId, CATALOG_CHANGED);
}

export async function getItem(deps: Deps, tenantId: string, id: string): Promise<CatalogItemResponse> {
  const item = await deps.prisma.catalogItem.findFirst({ where: { id, tenantId } });
  if (!item) throw notFound('Catalog item');
  return toCatalogItemResponse(item);
}
