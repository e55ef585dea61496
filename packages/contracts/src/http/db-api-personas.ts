import { z } from 'zod';
import { Language } from '../languages';

/** One entry of the personas catalogue (`GET /api/v1/personas`). */
export const PersonaSummary = z.object({
  id: z.string(),
  sector: z.string(),
  name: z.string(),
  description: z.string(),
  languages: z.array(Language),
});
export type PersonaSummary = z.infer<typeof PersonaSummary>;

export const PersonaListResponse = z.object({ items: z.array(PersonaSummary) });
export type PersonaListResponse = z.infer<typeof PersonaListResponse>;
