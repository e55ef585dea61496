import type { Membership, User } from '@vocalia/db';
import type { Member } from '@vocalia/contracts';

export function toMember(m: Membership & { user: Pick<User, 'email' | 'name'> }): Member {
  return { userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, createdAt: m.createdAt.toISOString() };
}
