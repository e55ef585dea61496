import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { TestApp, TestSession } from './start-test-app';
import { TEST_PASSWORD } from './start-test-app';
import { bearer } from './auth-header';
import { linkToken } from './mailbox';

/** Invites a new address with `role` into the owner's tenant and accepts through the mailed link; returns the new member's session. */
export async function addMemberSession(t: TestApp, owner: TestSession, role: 'owner' | 'admin' | 'member'): Promise<TestSession> {
  const email = `${role}.${randomBytes(5).toString('hex')}@example.test`;
  const invited = await request(t.app).post('/api/v1/invitations').set(bearer(owner)).send({ email, role });
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.status} ${invited.text}`);
  const token = linkToken(await t.mailbox.next(email), 'invitation');
  const accepted = await request(t.app).post('/api/v1/auth/invitations/accept').send({ token, password: TEST_PASSWORD });
  if (accepted.status !== 201) throw new Error(`accepting the invitation failed: ${accepted.status} ${accepted.text}`);
  return { accessToken: accepted.body.accessToken, refreshToken: accepted.body.refreshToken, tenantId: owner.tenantId, userId: accepted.body.user.id, email, password: TEST_PASSWORD };
}
