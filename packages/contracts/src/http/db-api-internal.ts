import { z } from 'zod';
import { Language } from '../languages';

/** `GET /internal/v1/tenants/:tenantId/activity?limit=&language=` (answers SocialProofResponse). */
export const InternalActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** Language of the sentences; default the tenant's default language. */
  language: Language.optional(),
});
export type InternalActivityQuery = z.infer<typeof InternalActivityQuery>;
