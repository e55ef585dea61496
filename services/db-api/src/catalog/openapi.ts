import { CatalogImportResponse, CatalogItemInput, CatalogItemPage, CatalogItemResponse, CatalogListQuery, UpdateCatalogItemRequest } from '@vocalia/contracts';
import { z } from 'zod';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Catalog';
const feature = 'product_catalog' as const;
const manage = ['owner', 'admin'] as RouteDoc['roles'];
const base = '/api/v1/catalog/items';

export const catalogRouteDocs: RouteDoc[] = [
  { method: 'get', path: base, tag, feature, query: CatalogListQuery, summary: 'Catalog items, newest first (cursor pagination, q filters sku and name)', status: 200, response: CatalogItemPage },
  { method: 'post', path: base, tag, feature, roles: manage, body: CatalogItemInput, summary: 'Create an item (sku unique per tenant)', status: 201, response: CatalogItemResponse, errors: [409] },
  { method: 'get', path: `${base}/:id`, tag, feature, resource: 'catalog_item', summary: 'One item', status: 200, response: CatalogItemResponse },
  { method: 'patch', path: `${base}/:id`, tag, feature, roles: manage, resource: 'catalog_item', body: UpdateCatalogItemRequest, summary: 'Change the fields sent', status: 200, response: CatalogItemResponse, errors: [409] },
  { method: 'delete', path: `${base}/:id`, tag, feature, roles: manage, resource: 'catalog_item', summary: 'Delete an item', status: 204, response: null },
  {
    method: 'post', path: '/api/v1/catalog/import', tag, feature, roles: manage, body: z.array(CatalogItemInput), status: 200, response: CatalogImportResponse, errors: [413],
    summary: 'Upsert by sku from a JSON array (or {items}), text/csv (header sku,name,description,price,currency,stock,url,image_url) or a multipart `file`. All or nothing: any bad row -> 400 listing rows, nothing changed.',
  },
];
