import { z } from 'zod';
import { EmailAddress, IsoDateTime, MembershipRoleName } from './db-api-common';

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: MembershipRoleName,
  createdAt: IsoDateTime,
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

export const AddMemberRequest = z.object({ email: EmailAddress, role: MembershipRoleName.default('member') });
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

/**
 * When the email had no account, one is created with a one-time temporary password, shown here only:
 * hand it to the person, who signs in with it and should change it. An existing account is attached
 * as is (`temporaryPassword` null) and signs in with its own password.
 */
export const AddMemberResponse = z.object({
  member: Member,
  invite: z.object({ accountCreated: z.boolean(), temporaryPassword: z.string().nullable() }),
});
export type AddMemberResponse = z.infer<typeof AddMemberResponse>;

export const UpdateMemberRequest = z.object({ role: MembershipRoleName });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;
