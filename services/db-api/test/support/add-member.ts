import request from 'supertest';
import type { TestApp, TestSession } from './start-test-app';
import { bearer } from './auth-header';

/** Adds a new member with `role` to the owner's tenant and signs them in; returns their session. */
export async function addMemberSession(t: TestApp, owner: TestSession, role: 'owner' | 'admin' | 'member'): Promise<TestSession> {
  const email = `${role}.${Math.random().toString(36).slice(2, 10)}@example.test`;
  const added = await request(t.app).post('/api/v1/members').set(bearer(owner)).send({ email, role });
  if (added.status !== 201) throw new Error(`add member failed: ${added.status} ${added.text}`);
  const password = added.body.invite.temporaryPassword as string;
  const login = await request(t.app).post('/api/v1/auth/login').send({ email, password, tenantId: owner.tenantId });
  if (login.status !== 200) throw new Error(`member login failed: ${login.status} ${login.text}`);
  return { accessToken: login.body.accessToken, refreshToken: login.body.refreshToken, tenantId: owner.tenantId, userId: login.body.user.id, email, password };
}
