import type { CatalogItemResponse } from '@vocalia/contracts';
import type { CatalogItem } from '@vocalia/db';

export function toCatalogItemResponse(item: CatalogItem): CatalogItemResponse {
  return {
    id: item.id,
    sku: item.sku,
    name: item.name,
    description: item.description,
    price: Number(item.price.toString()),
    currency: item.currency,
    stock: item.stock,
    url: item.url,
    imageUrl: item.imageUrl,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
