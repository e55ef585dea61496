import { z } from 'zod';
import { IsoDateTime } from './db-api-common';

export const CreateApiKeyRequest = z.object({ name: z.string().trim().min(1, 'name is required').max(80) });
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

export const RotateApiKeyRequest = z.object({
  /** How long the old key keeps working (default 86400 s = 24 h; 0 = stop at once; at most 30 days). */
  graceSeconds: z.number().int().min(0).max(2_592_000).default(86_400),
});
export type RotateApiKeyRequest = z.infer<typeof RotateApiKeyRequest>;

export const ApiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  /** `vk_` + the first 8 hex characters: enough to recognise a key, useless to use it. */
  prefix: z.string(),
  lastUsedAt: IsoDateTime.nullable(),
  /** Set when the key was rotated: it stops working then. */
  expiresAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type ApiKeySummary = z.infer<typeof ApiKeySummary>;

/** The only response that ever contains the full key. */
export const CreatedApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  key: z.string().regex(/^vk_[0-9a-f]{48}$/),
  createdAt: IsoDateTime,
});
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const RotatedApiKey = CreatedApiKey.extend({
  previous: z.object({ id: z.string(), expiresAt: IsoDateTime }),
});
export type RotatedApiKey = z.infer<typeof RotatedApiKey>;

export const ApiKeyList = z.object({ items: z.array(ApiKeySummary) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;
