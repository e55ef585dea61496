import request from 'supertest';
import { addMemberSession, bearer, problemOf, startTestApp, type TestApp } from './support';

describe('members and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
  });
  afterAll(() => t.close());

  it('when a member tries to manage members, then 403; an admin cannot grant owner nor change roles', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    const admin = await addMemberSession(t, owner, 'admin');
    expect((await request(t.app).post('/api/v1/invitations').set(bearer(member)).send({ email: 'x1@example.test' })).status).toBe(403);
    expect((await request(t.app).post('/api/v1/invitations').set(bearer(admin)).send({ email: 'x2@example.test', role: 'owner' })).status).toBe(403);
    expect((await request(t.app).patch(`/api/v1/members/${member.userId}`).set(bearer(admin)).send({ role: 'admin' })).status).toBe(403);
    expect((await request(t.app).delete(`/api/v1/members/${owner.userId}`).set(bearer(admin))).status).toBe(403);
    expect((await request(t.app).post('/api/v1/invitations').set(bearer(admin)).send({ email: 'x3@example.test', role: 'member' })).status).toBe(201);
  });

  it('when the only owner is demoted or removed, then 409; with a second owner, it works', async () => {
    const owner = await t.register();
    const demote = await request(t.app).patch(`/api/v1/members/${owner.userId}`).set(bearer(owner)).send({ role: 'admin' });
    expect(demote.status).toBe(409);
    expect(problemOf(demote).detail).toMatch(/last owner/);
    expect((await request(t.app).delete(`/api/v1/members/${owner.userId}`).set(bearer(owner))).status).toBe(409);
    const second = await addMemberSession(t, owner, 'member');
    const promote = await request(t.app).patch(`/api/v1/members/${second.userId}`).set(bearer(owner)).send({ role: 'owner' });
    expect(promote.status).toBe(200);
    expect((await request(t.app).patch(`/api/v1/members/${owner.userId}`).set(bearer(owner)).send({ role: 'admin' })).status).toBe(200);
    const actions = await t.deps.prisma.auditLog.findMany({ where: { tenantId: owner.tenantId, action: 'member.role_changed' } });
    expect(actions).toHaveLength(2);
  });

  it('when two owners demote each other at once, then at least one owner remains', async () => {
    const owner = await t.register();
    const other = await addMemberSession(t, owner, 'owner');
    await Promise.all([
      request(t.app).patch(`/api/v1/members/${other.userId}`).set(bearer(owner)).send({ role: 'member' }),
      request(t.app).patch(`/api/v1/members/${owner.userId}`).set(bearer(other)).send({ role: 'member' }),
    ]);
    expect(await t.deps.prisma.membership.count({ where: { tenantId: owner.tenantId, role: 'owner' } })).toBeGreaterThanOrEqual(1);
  });

  it('when a member is removed, then their access and refresh tokens stop working', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).delete(`/api/v1/members/${member.userId}`).set(bearer(owner))).status).toBe(204);
    expect((await request(t.app).get('/api/v1/me').set(bearer(member))).status).toBe(401);
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: member.refreshToken })).status).toBe(401);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: owner.tenantId, action: 'member.removed' } })).toBe(1);
  });

  it('when the role is not one of owner, admin, member, then 400', async () => {
    const owner = await t.register();
    const res = await request(t.app).post('/api/v1/invitations').set(bearer(owner)).send({ email: 'r@example.test', role: 'superuser' });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.[0]?.path).toBe('body.role');
  });
});
