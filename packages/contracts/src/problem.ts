import { z } from 'zod';

/**
 * Which rule a field broke, so that a client can say it in its own language (`message` is English):
 * absent, too short or long (`limit` characters or items), too small or big (`limit` as a number), not
 * an email or web address, not one of the accepted values, of the wrong type, holding U+0000, a
 * password refused by the policy (too few kinds of characters, too common, holding the email), a web
 * address that is not https, holds a user name or password, names a host that does not exist or is
 * not on the public internet, an origin with more than scheme, host and port, a mailed link's token
 * unknown, used or expired, an email that already has an account, a value another record already
 * uses (409), a country where no phone numbers are sold, or a language the tenant, agent or widget
 * does not speak.
 */
export const ProblemFieldRule = z.enum([
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_email',
  'invalid_url',
  'invalid_format',
  'invalid_choice',
  'invalid_type',
  'nul_character',
  'password_kinds',
  'password_common',
  'password_has_email',
  'https_required',
  'url_user_info',
  'unknown_host',
  'private_address',
  'invalid_origin',
  'invalid_token',
  'email_registered',
  'already_used',
  'no_numbers_sold',
  'language_not_listed',
  'confirmation_required',
]);
export type ProblemFieldRule = z.infer<typeof ProblemFieldRule>;

/** RFC 9457 problem details, the one error body every service answers with. */
export const ProblemField = z.object({ path: z.string(), message: z.string(), rule: ProblemFieldRule.optional(), limit: z.number().optional() });
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  code: z.string(),
  errors: z.array(ProblemField).optional(),
  feature: z.string().optional(),
  requiredPlan: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;
export type ProblemField = z.infer<typeof ProblemField>;

export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  UNAUTHENTICATED: 401,
  /** The monthly quota of a hard-stop plan is used up, or the account is restricted until it pays. */
  QUOTA_EXCEEDED: 402,
  ACCOUNT_RESTRICTED: 402,
  FORBIDDEN: 403,
  PLAN_REQUIRED: 403,
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_FAILED: 502,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
