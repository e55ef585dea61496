import { z } from 'zod';

/** `POST /api/v1/widget/check-site`: a page of the customer's site, fetched by db-api (public addresses only). */
export const CheckSiteRequest = z.object({ url: z.url({ protocol: /^https?$/ }).max(2048) });
export type CheckSiteRequest = z.infer<typeof CheckSiteRequest>;

/**
 * Why the page gives no answer to check: its address is not public, its host name is unknown, nothing
 * answers there, no answer in time, its certificate is refused, it redirects elsewhere, or it answers
 * an HTTP error.
 */
export const SiteCheckProblem = z.enum(['private_address', 'unknown_host', 'unreachable', 'timeout', 'tls', 'redirect', 'http_error']);
export type SiteCheckProblem = z.infer<typeof SiteCheckProblem>;

export const CheckSiteResponse = z.object({
  url: z.string(),
  /** The page's origin, as the widget would send it. */
  origin: z.string(),
  /** HTTP status of the page; null when it could not be fetched (see `detail`). */
  status: z.number().int().nullable(),
  /** The page carries a VocalIA script naming this tenant. */
  snippetFound: z.boolean(),
  /** The origin is in the tenant's allowed origins. */
  originAllowed: z.boolean(),
  /** Why the page could not be checked, for a client to word in its language (`detail` says it in English); null when it was read. */
  problem: SiteCheckProblem.nullable(),
  /** Where the page redirects, when `problem` is `redirect`. */
  location: z.string().optional(),
  /** Why the page could not be read (timeout, redirect, refused address...), in words. */
  detail: z.string().nullable(),
});
export type CheckSiteResponse = z.infer<typeof CheckSiteResponse>;
