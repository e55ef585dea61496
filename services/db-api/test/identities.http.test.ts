import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { IdentitySignInResponse, INTERNAL_TOKEN_HEADER, LinkedIdentityList, type IdentitySignInRequest } from '@vocalia/contracts';
import { bearer, jobsSettled, problemOf, startTestApp, TEST_PASSWORD, type TestApp, type TestSession } from './support';

const TOKEN = 'internal-token-for-tests-0123456789';

describe('sign-in with a provider identity, and linked identities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { INTERNAL_API_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  const identity = (over: Partial<IdentitySignInRequest> = {}): IdentitySignInRequest => ({
    provider: 'google',
    subject: randomUUID(),
    email: `amina.${randomUUID().slice(0, 8)}@example.test`,
    emailVerified: true,
    name: 'Amina Idrissi',
    ip: '203.0.113.9',
    ...over,
  });
  const signIn = (body: unknown, token = TOKEN) => request(t.app).post('/internal/v1/identities/sign-in').set(INTERNAL_TOKEN_HEADER, token).send(body as object);
  /** A password account whose owner has followed the verification link. */
  const verifiedOwner = async (): Promise<TestSession> => {
    const owner = await t.register();
    await t.deps.prisma.user.update({ where: { id: owner.userId }, data: { emailVerifiedAt: new Date() } });
    return owner;
  };
  const actions = async (where: object) => (await t.deps.prisma.auditLog.findMany({ where, orderBy: { seq: 'asc' } })).map((a) => a.action);

  it('when the internal token is wrong, then 401 and nothing is created', async () => {
    const body = identity();
    const res = await signIn(body, 'wrong-token-wrong-token-wrong');
    expect(res.status).toBe(401);
    expect(await t.deps.prisma.user.count({ where: { email: body.email } })).toBe(0);
  });

  it('when a field is bad, then 400 naming it and nothing is created', async () => {
    const res = await signIn({ ...identity(), provider: 'myspace', email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path).sort()).toEqual(['body.email', 'body.provider']);
  });

  it('when a verified email signs in for the first time, then a user, a trial tenant, its owner membership and the identity exist, and the session works', async () => {
    const body = identity();
    const res = await signIn(body);
    expect(res.status).toBe(200);
    const out = IdentitySignInResponse.parse(res.body);
    expect(out.outcome).toBe('registered');
    expect(out.session.tenant).toMatchObject({ name: "Amina Idrissi's workspace", plan: 'starter', status: 'trialing' });
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { email: body.email }, include: { memberships: true, oauthIdentities: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.memberships).toEqual([expect.objectContaining({ tenantId: out.session.tenant.id, role: 'owner' })]);
    expect(user.oauthIdentities).toEqual([expect.objectContaining({ provider: 'google', providerUserId: body.subject, email: body.email })]);
    expect(await t.deps.prisma.subscription.count({ where: { tenantId: out.session.tenant.id, plan: 'starter', status: 'trialing' } })).toBe(1);
    const me = await request(t.app).get('/api/v1/me').set(bearer(out.session.accessToken));
    expect(me.body.user).toMatchObject({ email: body.email, emailVerified: true });
    await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: out.session.refreshToken }).expect(200);
    expect(await actions({ tenantId: out.session.tenant.id })).toEqual(['auth.registered']);

    const again = IdentitySignInResponse.parse((await signIn(body).expect(200)).body);
    expect(again).toMatchObject({ outcome: 'signed_in', session: { user: { id: user.id }, tenant: { id: out.session.tenant.id } } });
    expect(await actions({ tenantId: out.session.tenant.id })).toEqual(['auth.registered', 'auth.login']);
    expect(await t.deps.prisma.tenant.count({ where: { memberships: { some: { userId: user.id } } } })).toBe(1);
  });

  it('when a verified email matches a password account, then the identity is linked to it and signs in to its tenant; its password still works', async () => {
    const owner = await verifiedOwner();
    const res = await signIn(identity({ provider: 'github', email: owner.email.toUpperCase() }));
    const out = IdentitySignInResponse.parse(res.body);
    expect(out).toMatchObject({ outcome: 'linked', session: { user: { id: owner.userId }, tenant: { id: owner.tenantId } } });
    expect(await t.deps.prisma.oAuthIdentity.count({ where: { userId: owner.userId, provider: 'github' } })).toBe(1);
    expect(await actions({ tenantId: owner.tenantId, action: 'auth.identity_linked' })).toHaveLength(1);
    await request(t.app).post('/api/v1/auth/login').send({ email: owner.email, password: TEST_PASSWORD }).expect(200);
    await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: owner.refreshToken }).expect(200);
  });

  it('when a verified email matches an account whose email was never verified, then the link ends its password and sessions (it may have been registered by someone else)', async () => {
    const squatter = await t.register();
    const out = IdentitySignInResponse.parse((await signIn(identity({ email: squatter.email }))).body);
    expect(out).toMatchObject({ outcome: 'linked', session: { user: { id: squatter.userId } } });
    expect((await request(t.app).post('/api/v1/auth/login').send({ email: squatter.email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: squatter.refreshToken })).status).toBe(401);
    await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: out.session.refreshToken }).expect(200);
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { id: squatter.userId } });
    expect(user).toMatchObject({ passwordHash: null, emailVerifiedAt: expect.any(Date) });
    const [linked] = await t.deps.prisma.auditLog.findMany({ where: { tenantId: squatter.tenantId, action: 'auth.identity_linked' } });
    expect(linked!.meta).toMatchObject({ passwordCleared: true });
  });

  it('when an unverified email matches an account, then 403, nothing is linked and the refusal is audited', async () => {
    const owner = await t.register();
    const body = identity({ provider: 'slack', email: owner.email, emailVerified: false });
    const res = await signIn(body);
    expect(res.status).toBe(403);
    expect(problemOf(res).detail).toMatch(/has not verified this email/);
    expect(await t.deps.prisma.oAuthIdentity.count({ where: { userId: owner.userId } })).toBe(0);
    const [refusal] = await t.deps.prisma.auditLog.findMany({ where: { action: 'auth.oauth_refused', target: `user:${owner.userId}` } });
    expect(refusal).toMatchObject({ tenantId: owner.tenantId, actor: `slack:${body.subject}`, meta: expect.objectContaining({ reason: 'email_unverified' }) });
  });

  it('when an unverified email matches no account, then 403, no account is created and the refusal is audited without a tenant', async () => {
    const body = identity({ emailVerified: false });
    expect((await signIn(body)).status).toBe(403);
    expect(await t.deps.prisma.user.count({ where: { email: body.email } })).toBe(0);
    expect(await actions({ tenantId: null, actor: `google:${body.subject}` })).toEqual(['auth.oauth_refused']);
  });

  it('when the same first sign-in arrives twice at once, then one account is created and both get a session', async () => {
    const body = identity();
    const [a, b] = await Promise.all([signIn(body), signIn(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.session.user.id).toBe(b.body.session.user.id);
    expect(await t.deps.prisma.user.count({ where: { email: body.email } })).toBe(1);
    expect(await t.deps.prisma.oAuthIdentity.count({ where: { providerUserId: body.subject } })).toBe(1);
  });

  describe('GET and DELETE /api/v1/me/identities', () => {
    it('when a password user unlinks their only identity, then it is gone, audited, and they still sign in with the password', async () => {
      const owner = await verifiedOwner();
      await signIn(identity({ email: owner.email })).expect(200);
      const list = LinkedIdentityList.parse((await request(t.app).get('/api/v1/me/identities').set(bearer(owner)).expect(200)).body);
      expect(list.items).toEqual([expect.objectContaining({ provider: 'google', email: owner.email })]);
      await request(t.app).delete(`/api/v1/me/identities/${list.items[0]!.id}`).set(bearer(owner)).expect(204);
      expect((await request(t.app).get('/api/v1/me/identities').set(bearer(owner))).body.items).toEqual([]);
      expect(await actions({ tenantId: owner.tenantId, action: 'auth.identity_unlinked' })).toHaveLength(1);
      await request(t.app).post('/api/v1/auth/login').send({ email: owner.email, password: TEST_PASSWORD }).expect(200);
    });

    it('when a user without a password unlinks their last identity, then 409, it stays, and the refusal is audited; with a second one, one may go', async () => {
      const body = identity();
      const out = IdentitySignInResponse.parse((await signIn(body)).body);
      const session = out.session.accessToken;
      const [only] = LinkedIdentityList.parse((await request(t.app).get('/api/v1/me/identities').set(bearer(session))).body).items;
      const refused = await request(t.app).delete(`/api/v1/me/identities/${only!.id}`).set(bearer(session));
      expect(refused.status).toBe(409);
      expect(problemOf(refused).detail).toMatch(/only way to sign in/);
      expect(await t.deps.prisma.oAuthIdentity.count({ where: { id: only!.id } })).toBe(1);
      expect(await actions({ tenantId: out.session.tenant.id, action: 'auth.identity_unlink_refused' })).toHaveLength(1);

      await signIn(identity({ provider: 'github', email: body.email })).expect(200);
      const both = LinkedIdentityList.parse((await request(t.app).get('/api/v1/me/identities').set(bearer(session))).body).items;
      expect(both.map((i) => i.provider)).toEqual(['google', 'github']);
      const [first, second] = await Promise.all(both.map((i) => request(t.app).delete(`/api/v1/me/identities/${i.id}`).set(bearer(session))));
      expect([first!.status, second!.status].sort()).toEqual([204, 409]);
      expect(await t.deps.prisma.oAuthIdentity.count({ where: { userId: out.session.user.id } })).toBe(1);
    });

    it("when another user's identity id is given, then 404 and it stays", async () => {
      const a = await t.register();
      const b = await t.register();
      await signIn(identity({ email: b.email })).expect(200);
      const [theirs] = await t.deps.prisma.oAuthIdentity.findMany({ where: { userId: b.userId } });
      expect((await request(t.app).delete(`/api/v1/me/identities/${theirs!.id}`).set(bearer(a))).status).toBe(404);
      expect(await t.deps.prisma.oAuthIdentity.count({ where: { id: theirs!.id } })).toBe(1);
    });

    it('when an API key asks, then it is refused the list (403) and finds no identity to unlink (404): identities belong to people', async () => {
      const owner = await verifiedOwner();
      await signIn(identity({ email: owner.email })).expect(200);
      const [own] = await t.deps.prisma.oAuthIdentity.findMany({ where: { userId: owner.userId } });
      const key = await t.createApiKey(owner);
      expect((await request(t.app).get('/api/v1/me/identities').set(bearer(key.key))).status).toBe(403);
      expect((await request(t.app).delete(`/api/v1/me/identities/${own!.id}`).set(bearer(key.key))).status).toBe(404);
      expect(await t.deps.prisma.oAuthIdentity.count({ where: { id: own!.id } })).toBe(1);
    });
  });

  it('when another service queues an audit event before any tenant exists, then it is written to the platform chain', async () => {
    const eventId = `evt-${randomUUID()}`;
    await t.deps.producers.audit.add({ v: 1, eventId, tenantId: null, requestId: 'req-1', at: new Date().toISOString(), actor: 'anonymous', action: 'auth.oauth_refused', meta: { reason: 'state_mismatch' } });
    await jobsSettled(t.deps.producers.audit.queue, [eventId]);
    const [row] = await t.deps.prisma.auditLog.findMany({ where: { meta: { path: ['eventId'], equals: eventId } } });
    expect(row).toMatchObject({ tenantId: null, action: 'auth.oauth_refused', meta: expect.objectContaining({ reason: 'state_mismatch' }) });
  });
});
