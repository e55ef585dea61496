import request from 'supertest';
import { addMemberSession, bearer, problemOf, startTestApp, TEST_PASSWORD, type TestApp } from './support';

describe('members and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
  });
  afterAll(() => t.close());

  it('when an owner adds a new email, then an account with a one-time temporary password is created and listed', async () => {
    const owner = await t.register();
    const res = await request(t.app).post('/api/v1/members').set(bearer(owner)).send({ email: 'New.Agent@Example.test', role: 'admin' });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ email: 'new.agent@example.test', role: 'admin' });
    expect(res.body.invite).toMatchObject({ accountCreated: true, temporaryPassword: expect.stringMatching(/^Tmp-.{20}$/) });
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: 'new.agent@example.test', password: res.body.invite.temporaryPassword });
    expect(login.status).toBe(200);
    const list = await request(t.app).get('/api/v1/members').set(bearer(owner));
    expect(list.body.items.map((m: { role: string }) => m.role)).toEqual(['owner', 'admin']);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: owner.tenantId, action: 'member.added' } })).toBe(1);
  });

  it('when an existing user is added, then they are attached with their own password and /me lists both tenants', async () => {
    const ownerA = await t.register();
    const ownerB = await t.register();
    const res = await request(t.app).post('/api/v1/members').set(bearer(ownerA)).send({ email: ownerB.email, role: 'member' });
    expect(res.status).toBe(201);
    expect(res.body.invite).toEqual({ accountCreated: false, temporaryPassword: null });
    const again = await request(t.app).post('/api/v1/members').set(bearer(ownerA)).send({ email: ownerB.email, role: 'member' });
    expect(again.status).toBe(409);
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: ownerB.email, password: TEST_PASSWORD, tenantId: ownerA.tenantId });
    expect(login.body.tenant.id).toBe(ownerA.tenantId);
    const me = await request(t.app).get('/api/v1/me').set(bearer(login.body));
    expect(me.body.role).toBe('member');
    expect(me.body.memberships.map((m: { tenantId: string }) => m.tenantId).sort()).toEqual([ownerA.tenantId, ownerB.tenantId].sort());
  });

  it('when a member tries to manage members, then 403; an admin cannot grant owner nor change roles', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    const admin = await addMemberSession(t, owner, 'admin');
    expect((await request(t.app).post('/api/v1/members').set(bearer(member)).send({ email: 'x1@example.test' })).status).toBe(403);
    expect((await request(t.app).post('/api/v1/members').set(bearer(admin)).send({ email: 'x2@example.test', role: 'owner' })).status).toBe(403);
    expect((await request(t.app).patch(`/api/v1/members/${member.userId}`).set(bearer(admin)).send({ role: 'admin' })).status).toBe(403);
    expect((await request(t.app).delete(`/api/v1/members/${owner.userId}`).set(bearer(admin))).status).toBe(403);
    expect((await request(t.app).post('/api/v1/members').set(bearer(admin)).send({ email: 'x3@example.test', role: 'member' })).status).toBe(201);
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
    const res = await request(t.app).post('/api/v1/members').set(bearer(owner)).send({ email: 'r@example.test', role: 'superuser' });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.[0]?.path).toBe('body.role');
  });
});
