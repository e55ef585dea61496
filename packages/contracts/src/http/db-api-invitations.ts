import { z } from 'zod';
import { Language } from '../languages';
import { Password } from './db-api-auth';
import { EmailAddress, IsoDateTime, MembershipRoleName } from './db-api-common';

/** A token mailed in a link (invitation, email verification, password reset): single-use, expiring. */
export const MailedToken = z.string().min(20, 'token is too short').max(200);

export const InviteMemberRequest = z.object({
  email: EmailAddress,
  role: MembershipRoleName.default('member'),
  /** The language of the invitation mail; default the inviting tenant's default language, else English. */
  language: Language.optional(),
});
export type InviteMemberRequest = z.infer<typeof InviteMemberRequest>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** The same shape whether or not the email already has an account: the answer never tells. */
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: MembershipRoleName,
  status: InvitationStatus,
  /** The user id of the member who sent it (null when sent with an API key or by a removed user). */
  invitedBy: z.string().nullable(),
  expiresAt: IsoDateTime,
  createdAt: IsoDateTime,
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationList = z.object({ items: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;

/** Signed in as the invited email: joins the tenant with the account you already have. */
export const AcceptInvitationRequest = z.object({ token: MailedToken });
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

/** Not signed in, and the invited email has no account yet: creates it with your own password. */
export const AcceptInvitationWithPasswordRequest = z.object({ token: MailedToken, password: Password });
export type AcceptInvitationWithPasswordRequest = z.infer<typeof AcceptInvitationWithPasswordRequest>;
