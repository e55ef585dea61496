import { z } from 'zod';

export const MAX_CATALOG_IMPORT_ROWS = 10000;
/** CSV import header, in this order or any order: `sku,name,description,price,currency,stock,url,image_url`. */
export const CATALOG_CSV_COLUMNS = ['sku', 'name', 'description', 'price', 'currency', 'stock', 'url', 'image_url'] as const;

const HttpUrl = z.url({ protocol: /^https?$/ }).max(2048);
/** Stored with 2 decimals: more precise input is rounded to the cent. */
const Price = z.number().nonnegative().max(1e10).transform((n) => Math.round(n * 100) / 100);

const ItemFields = {
  sku: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(300),
  description: z.string().max(5000),
  price: Price,
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
  stock: z.number().int().min(0).max(1e9),
  url: HttpUrl.nullable(),
  imageUrl: HttpUrl.nullable(),
};

export const CatalogItemInput = z.strictObject({
  sku: ItemFields.sku,
  name: ItemFields.name,
  description: ItemFields.description.default(''),
  price: ItemFields.price,
  currency: ItemFields.currency.optional(),
  stock: ItemFields.stock.default(0),
  url: ItemFields.url.optional(),
  imageUrl: ItemFields.imageUrl.optional(),
});
export type CatalogItemInput = z.infer<typeof CatalogItemInput>;

export const UpdateCatalogItemRequest = z.strictObject({
  sku: ItemFields.sku.optional(),
  name: ItemFields.name.optional(),
  description: ItemFields.description.optional(),
  price: ItemFields.price.optional(),
  currency: ItemFields.currency.optional(),
  stock: ItemFields.stock.optional(),
  url: ItemFields.url.optional(),
  imageUrl: ItemFields.imageUrl.optional(),
});
export type UpdateCatalogItemRequest = z.infer<typeof UpdateCatalogItemRequest>;

export const CatalogItemResponse = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  price: z.number(),
  currency: z.string(),
  stock: z.number().int(),
  url: z.string().nullable(),
  imageUrl: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CatalogItemResponse = z.infer<typeof CatalogItemResponse>;

export const CatalogItemPage = z.object({ items: z.array(CatalogItemResponse), nextCursor: z.string().nullable() });
export type CatalogItemPage = z.infer<typeof CatalogItemPage>;

export const CatalogListQuery = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().min(1).max(200).optional(),
});
export type CatalogListQuery = z.infer<typeof CatalogListQuery>;

/** JSON import body: an array of items, or `{ items: [...] }`. CSV goes as `text/csv` or multipart `file`. */
export const CatalogImportJson = z.union([z.array(z.unknown()), z.object({ items: z.array(z.unknown()) })]);

export const CatalogImportError = z.object({ row: z.number().int(), message: z.string() });
/** Imports are all-or-nothing: any invalid row answers 400 with every row's problem, and nothing changes. */
export const CatalogImportResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(CatalogImportError),
});
export type CatalogImportResponse = z.infer<typeof CatalogImportResponse>;
