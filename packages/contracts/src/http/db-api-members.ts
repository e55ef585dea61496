import { z } from 'zod';
import { IsoDateTime, MembershipRoleName } from './db-api-common';

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

export const UpdateMemberRequest = z.object({ role: MembershipRoleName });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;
