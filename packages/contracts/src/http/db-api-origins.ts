import { z } from 'zod';
import { IsoDateTime } from './db-api-common';

export const AddOriginRequest = z.object({
  /** `https://shop.example.com[:port]`: scheme and host only; db-api normalises and explains refusals. */
  origin: z.string().trim().min(1).max(300),
});
export type AddOriginRequest = z.infer<typeof AddOriginRequest>;

export const AllowedOriginView = z.object({ id: z.string(), origin: z.string(), createdAt: IsoDateTime });
export type AllowedOriginView = z.infer<typeof AllowedOriginView>;

export const OriginList = z.object({ items: z.array(AllowedOriginView), limit: z.number().int().positive() });
export type OriginList = z.infer<typeof OriginList>;
