import type { z } from 'zod';
import type { Feature } from '@vocalia/contracts';
import type { Role } from '../access/auth-context';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One /api/v1 route as documented in openapi.json. The same list drives the tests: the coverage test
 * fails when a mounted route has no entry (or an entry no route), and the isolation walk calls every
 * route whose path names a `resource` with another tenant's id.
 */
export interface RouteDoc {
  method: HttpMethod;
  /** The express path exactly as mounted: `/api/v1/agents/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** `tenant` (default): `Authorization: Bearer <JWT>` or `Bearer vk_...`; `public`: no credential. */
  auth?: 'tenant' | 'public';
  /** Roles allowed (default: every member). Documented, and used by the isolation walk to expect 403 for API keys. */
  roles?: Role[];
  /** Plan feature the route needs (documents 403 PLAN_REQUIRED). */
  feature?: Feature;
  /** Path parameters; by default each `:name` of the path is a string. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success status and body schema; `null` for no body (204). */
  status: 200 | 201 | 202 | 204;
  response: z.ZodType | null;
  /** Content type of the success body (default application/json). */
  contentType?: string;
  /** Error statuses beyond those derived from auth, roles, feature, params and input (400/401/403/404). */
  errors?: (402 | 403 | 404 | 409 | 413 | 429 | 502 | 503)[];
  /** Takes an optional `Idempotency-Key` (`access/idempotent-post.ts`): a retry gets the first answer, runs nothing. */
  idempotent?: true;
  /**
   * The tenant-owned resource the path's last `:param` names (`agent`, `knowledge_document`, `api_key`...).
   * The isolation walk creates one of each in another tenant and expects 404 here.
   */
  resource?: string;
}
