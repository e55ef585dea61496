import request from 'supertest';
import { addMemberSession, bearer, linkToken, problemOf, startTestApp, TEST_PASSWORD, type TestApp } from './support';

const HOUR_MS = 3_600_000;
const NEW_PASSWORD = 'Chosen-By-Invitee-77';

describe('invitations', () => {
  let t: TestApp;
  let now = new Date('2026-06-01T10:00:00Z');
  beforeAll(async () => {
    t = await startTestApp({ workers: false, clock: () => now, env: { INVITATION_TTL_HOURS: '72', PUBLIC_BASE_URL: 'https://edge.example.com' } });
  });
  afterAll(() => t.close());

  // In English: a new tenant's default language is French, which the mails would otherwise speak.
  const invite = (owner: { accessToken: string }, email: string, role = 'member') => request(t.app).post('/api/v1/invitations').set(bearer(owner)).send({ email, role, language: 'en' });

  it('when an admin invites a new address, then only a mailed single-use link lets its owner in, with the password they choose', async () => {
    const owner = await t.register(undefined, 'BigCorp');
    const res = await invite(owner, 'New.Agent@Example.test', 'admin');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), email: 'new.agent@example.test', role: 'admin', status: 'pending', invitedBy: owner.userId, expiresAt: expect.any(String), createdAt: expect.any(String) });
    const mail = await t.mailbox.next('new.agent@example.test');
    expect(mail.subject).toBe('You are invited to join BigCorp on VocalIA');
    expect(mail.text).toContain('https://edge.example.com/app/#/invitation?token=');
    const token = linkToken(mail, 'invitation');
    expect(res.text).not.toContain(token);
    expect(await t.deps.prisma.user.count({ where: { email: 'new.agent@example.test' } })).toBe(0);

    const weak = await request(t.app).post('/api/v1/auth/invitations/accept').send({ token, password: 'short' });
    expect(problemOf(weak).errors?.[0]?.path).toBe('body.password');
    const accepted = await request(t.app).post('/api/v1/auth/invitations/accept').send({ token, password: NEW_PASSWORD });
    expect(accepted.status).toBe(201);
    expect(accepted.body.tenant.id).toBe(owner.tenantId);
    const me = await request(t.app).get('/api/v1/me').set(bearer(accepted.body));
    expect(me.body).toMatchObject({ role: 'admin', user: { email: 'new.agent@example.test', emailVerified: true } });
    const again = await request(t.app).post('/api/v1/auth/invitations/accept').send({ token, password: NEW_PASSWORD });
    expect(again.status).toBe(400);
    expect(problemOf(again).errors).toEqual([{ path: 'body.token', message: 'invalid, already used or expired', rule: 'invalid_token' }]);
    expect((await request(t.app).post('/api/v1/auth/login').send({ email: 'new.agent@example.test', password: NEW_PASSWORD })).status).toBe(200);
    const actions = await t.deps.prisma.auditLog.findMany({ where: { tenantId: owner.tenantId, action: { startsWith: 'member.' } }, orderBy: { seq: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['member.invited', 'member.added']);
  });

  it('when an address with an account and one without are invited, then the answers and the mails are the same but for ids, addresses and links', async () => {
    const owner = await t.register(undefined, 'Same Shape');
    const existing = await t.register();
    const known = await invite(owner, existing.email);
    const unknown = await invite(owner, 'nobody.yet@example.test');
    expect([known.status, unknown.status]).toEqual([201, 201]);
    const shape = (body: Record<string, unknown>) => ({ ...body, id: 'ID', email: 'EMAIL', createdAt: 'T', expiresAt: 'T' });
    expect(shape(known.body)).toEqual(shape(unknown.body));
    const mask = (text: string) => text.replace(/token=[A-Za-z0-9_%-]+/, 'token=X');
    const [mailKnown, mailUnknown] = [await t.mailbox.next(existing.email, /invited/), await t.mailbox.next('nobody.yet@example.test', /invited/)];
    expect([mailKnown.subject, mask(mailKnown.text)]).toEqual([mailUnknown.subject, mask(mailUnknown.text)]);
  });

  it('when an existing user is invited, then they join only by accepting signed in as that address', async () => {
    const owner = await t.register(undefined, 'Inviter');
    const invitee = await t.register();
    const stranger = await t.register();
    await invite(owner, invitee.email).expect(201);
    const token = linkToken(await t.mailbox.next(invitee.email, /invited/), 'invitation');
    expect(await t.deps.prisma.membership.count({ where: { tenantId: owner.tenantId } })).toBe(1);

    const withPassword = await request(t.app).post('/api/v1/auth/invitations/accept').send({ token, password: NEW_PASSWORD });
    expect(withPassword.status).toBe(409);
    const asStranger = await request(t.app).post('/api/v1/invitations/accept').set(bearer(stranger)).send({ token });
    expect(asStranger.status).toBe(403);
    const accepted = await request(t.app).post('/api/v1/invitations/accept').set(bearer(invitee)).send({ token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.tenant.id).toBe(owner.tenantId);
    const me = await request(t.app).get('/api/v1/me').set(bearer(accepted.body));
    expect(me.body.memberships.map((m: { tenantId: string }) => m.tenantId).sort()).toEqual([owner.tenantId, invitee.tenantId].sort());
    expect((await request(t.app).post('/api/v1/auth/login').send({ email: invitee.email, password: TEST_PASSWORD, tenantId: owner.tenantId })).status).toBe(200);
    expect((await request(t.app).post('/api/v1/invitations/accept').set(bearer(invitee)).send({ token })).status).toBe(400);
  });

  it('when an invitation is revoked, replaced or expired, then its link stops working; admins see each status', async () => {
    const owner = await t.register();
    const revoked = await invite(owner, 'revoked@example.test');
    const revokedToken = linkToken(await t.mailbox.next('revoked@example.test'), 'invitation');
    await request(t.app).delete(`/api/v1/invitations/${revoked.body.id}`).set(bearer(owner)).expect(204);
    await request(t.app).delete(`/api/v1/invitations/${revoked.body.id}`).set(bearer(owner)).expect(204);
    expect((await request(t.app).post('/api/v1/auth/invitations/accept').send({ token: revokedToken, password: NEW_PASSWORD })).status).toBe(400);

    await invite(owner, 'twice@example.test');
    const firstToken = linkToken(await t.mailbox.next('twice@example.test'), 'invitation');
    await invite(owner, 'twice@example.test');
    const secondToken = linkToken(await t.mailbox.next('twice@example.test'), 'invitation');
    expect((await request(t.app).post('/api/v1/auth/invitations/accept').send({ token: firstToken, password: NEW_PASSWORD })).status).toBe(400);

    await invite(owner, 'late@example.test');
    const lateToken = linkToken(await t.mailbox.next('late@example.test'), 'invitation');
    now = new Date(now.getTime() + 73 * HOUR_MS);
    expect((await request(t.app).post('/api/v1/auth/invitations/accept').send({ token: lateToken, password: NEW_PASSWORD })).status).toBe(400);

    const later = await request(t.app).post('/api/v1/auth/login').send({ email: owner.email, password: TEST_PASSWORD });
    const list = await request(t.app).get('/api/v1/invitations').set(bearer(later.body));
    expect(list.body.items.map((i: { email: string; status: string }) => `${i.email} ${i.status}`).sort()).toEqual(
      ['late@example.test expired', 'revoked@example.test revoked', 'twice@example.test expired', 'twice@example.test revoked'].sort(),
    );
    expect(secondToken).not.toBe(firstToken);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: owner.tenantId, action: 'member.invitation_revoked' } })).toBe(1);
  });

  it('when a member lists or revokes invitations, then 403; an invitation of another tenant is not found', async () => {
    const owner = await t.register();
    const other = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    const theirs = await invite(other, 'theirs@example.test');
    expect((await request(t.app).get('/api/v1/invitations').set(bearer(member))).status).toBe(403);
    expect((await request(t.app).delete(`/api/v1/invitations/${theirs.body.id}`).set(bearer(member))).status).toBe(403);
    expect((await request(t.app).delete(`/api/v1/invitations/${theirs.body.id}`).set(bearer(owner))).status).toBe(404);
    expect((await invite(owner, member.email)).status).toBe(409);
  });

  it('when the old temporary-password route is called, then it no longer exists', async () => {
    const owner = await t.register();
    expect((await request(t.app).post('/api/v1/members').set(bearer(owner)).send({ email: 'victim@bigcorp.example' })).status).toBe(404);
  });
});
