import { z } from 'zod';

/** Emails are trimmed and lowercased before anything else sees them (the users table stores them so). */
export const EmailAddress = z.string().trim().toLowerCase().max(254).check(z.email('must be an email address'));

export const IsoDateTime = z.iso.datetime({ offset: true });

/** Cursor pagination shared by db-api list endpoints: `?cursor=<opaque>&limit=1..100`. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const MembershipRoleName = z.enum(['owner', 'admin', 'member']);
export type MembershipRoleName = z.infer<typeof MembershipRoleName>;
