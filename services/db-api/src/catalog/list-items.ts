import type { CatalogItemPage, CatalogListQuery } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { afterCursor, decodeCursor, toPage } from '../conversations/page-cursor';
import { toCatalogItemResponse } from './item-view';

/** Newest first; `q` matches sku or name, case-insensitively. */
export async function listItems(deps: Deps, tenantId: string, query: CatalogListQuery): Promise<CatalogItemPage> {
  const cursor = decodeCursor(query.cursor);
  const search = query.q ? { OR: [{ sku: { contains: query.q, mode: 'insensitive' as const } }, { name: { contains: query.q, mode: 'insensitive' as const } }] } : {};
  const rows = await deps.prisma.catalogItem.findMany({
    where: { AND: [{ tenantId }, search, afterCursor('createdAt', cursor)] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => row.createdAt);
  return { items: page.items.map(toCatalogItemResponse), nextCursor: page.nextCursor };
}
