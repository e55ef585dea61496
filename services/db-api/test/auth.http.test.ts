import jwt from 'jsonwebtoken';
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { bearer, problemOf, startTestApp, TEST_PASSWORD, type TestApp } from './support';

describe('accounts: register, login, refresh, logout, me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('when a new integrator registers, then a user, a trialing starter tenant, tokens and an owner membership exist', async () => {
    const before = Date.now();
    const res = await request(t.app).post('/api/v1/auth/register').send({ email: '  Nadia@Atlas.example ', password: TEST_PASSWORD, company: 'Café Atlas' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ user: { email: 'nadia@atlas.example' }, tenant: { name: 'Café Atlas', slug: 'cafe-atlas', plan: 'starter', status: 'trialing' }, expiresIn: 900 });
    const trialDays = (Date.parse(res.body.tenant.trialEndsAt) - before) / 86_400_000;
    expect(trialDays).toBeGreaterThan(13.99);
    expect(trialDays).toBeLessThan(14.01);
    const sub = await t.deps.prisma.subscription.findUnique({ where: { tenantId: res.body.tenant.id } });
    expect(sub).toMatchObject({ plan: 'starter', status: 'trialing' });
    const me = await request(t.app).get('/api/v1/me').set(bearer(res.body));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: res.body.user.id }, tenant: { id: res.body.tenant.id }, role: 'owner', via: 'jwt', memberships: [{ tenantId: res.body.tenant.id, role: 'owner' }] });
    const user = await t.deps.prisma.user.findUnique({ where: { id: res.body.user.id } });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('when two tenants pick the same company name, then the second gets a distinct slug', async () => {
    const a = await t.register(undefined, 'Same Name');
    const b = await t.register(undefined, 'Same Name');
    const slugs = await t.deps.prisma.tenant.findMany({ where: { id: { in: [a.tenantId, b.tenantId] } }, select: { slug: true } });
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(2);
  });

  it('when the same email registers twice at once, then one gets 201 and the other 409 naming body.email as email_registered, never a 500', async () => {
    const body = { email: 'race@example.test', password: TEST_PASSWORD, company: 'Race Co' };
    const results = await Promise.all([1, 2, 3].map(() => request(t.app).post('/api/v1/auth/register').send(body)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    for (const conflict of results.filter((r) => r.status === 409)) {
      expect(problemOf(conflict).errors).toEqual([{ path: 'body.email', message: 'already registered', rule: 'email_registered' }]);
    }
    expect(await t.deps.prisma.tenant.count({ where: { name: 'Race Co' } })).toBe(1);
  });

  it.each([
    ['short1A', 'at least 10 characters', { rule: 'too_short', limit: 10 }],
    ['alllowercaseletters', 'two kinds of characters', { rule: 'password_kinds' }],
    ['Password123', 'too common', { rule: 'password_common' }],
    ['weak.sam.42Secret', 'must not contain your email', { rule: 'password_has_email' }],
  ])('when the password is %s, then 400 says why, and names the rule for the dashboard to say it in its language', async (password, why, rule) => {
    const res = await request(t.app).post('/api/v1/auth/register').send({ email: 'weak.sam@example.test', password, company: 'Weak Co' });
    expect(res.status).toBe(400);
    const problem = problemOf(res);
    expect(problem.errors?.[0]).toMatchObject({ path: 'body.password', ...rule });
    expect(problem.detail).toContain(why);
  });

  it('when the body is invalid, then 400 names each field', async () => {
    const res = await request(t.app).post('/api/v1/auth/register').send({ email: 'not-an-email', company: 'x' });
    expect(res.status).toBe(400);
    const paths = problemOf(res).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.company']));
  });

  it('when the email, the password and the company are all bad, then one 400 names all three, the password with its policy rule', async () => {
    const res = await request(t.app).post('/api/v1/auth/register').send({ email: 'bad', password: '123', company: '' });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors).toEqual([
      expect.objectContaining({ path: 'body.email', rule: 'invalid_email' }),
      expect.objectContaining({ path: 'body.company' }),
      expect.objectContaining({ path: 'body.password', rule: 'too_short', limit: 10 }),
    ]);
  });

  it('when the credentials are right, then login answers the session shape; when wrong, a generic 401', async () => {
    const s = await t.register();
    const ok = await request(t.app).post('/api/v1/auth/login').send({ email: s.email.toUpperCase(), password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ user: { id: s.userId }, tenant: { id: s.tenantId }, expiresIn: 900 });
    const wrong = await request(t.app).post('/api/v1/auth/login').send({ email: s.email, password: 'Wrong-password-99' });
    const unknown = await request(t.app).post('/api/v1/auth/login').send({ email: 'nobody@example.test', password: 'Wrong-password-99' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(problemOf(wrong).detail).toBe(problemOf(unknown).detail);
    const actions = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.registered', 'auth.login', 'auth.login_failed']));
  });

  it('when a refresh token is used, then it rotates; reusing the old one revokes the whole family', async () => {
    const s = await t.register();
    const first = await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(s.refreshToken);
    const second = await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    const replay = await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken });
    expect(replay.status).toBe(401);
    const afterReplay = await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(afterReplay.status).toBe(401);
    const audit = await t.deps.prisma.auditLog.findFirst({ where: { tenantId: s.tenantId, action: 'auth.refresh_reused' } });
    expect(audit).not.toBeNull();
  });

  it('when logging out, then the refresh token stops working', async () => {
    const s = await t.register();
    expect((await request(t.app).post('/api/v1/auth/logout').send({ refreshToken: s.refreshToken })).status).toBe(204);
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
  });

  it('when the token is missing, forged, expired, of another algorithm or audience, then 401 problem+json', async () => {
    const s = await t.register();
    const claims = { tid: s.tenantId };
    const opts = { subject: s.userId, issuer: t.deps.jwt.issuer, audience: t.deps.jwt.audience };
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const tokens = [
      undefined,
      'not-a-jwt',
      jwt.sign(claims, otherKey, { ...opts, algorithm: 'RS256', expiresIn: 60 }),
      jwt.sign(claims, t.deps.jwt.privateKey, { ...opts, algorithm: 'RS256', expiresIn: -10 }),
      jwt.sign(claims, 'shared-secret', { ...opts, algorithm: 'HS256', expiresIn: 60 }),
      jwt.sign(claims, t.deps.jwt.privateKey, { ...opts, audience: 'someone-else', algorithm: 'RS256', expiresIn: 60 }),
      jwt.sign(claims, t.deps.jwt.privateKey, { ...opts, issuer: 'https://evil.example', algorithm: 'RS256', expiresIn: 60 }),
      `${s.accessToken.split('.').slice(0, 2).join('.')}.`,
      'vk_' + '0'.repeat(48),
    ];
    for (const token of tokens) {
      const req = request(t.app).get('/api/v1/me');
      const res = token ? await req.set(bearer(token)) : await req;
      expect(res.status).toBe(401);
      expect(problemOf(res).code).toBe('UNAUTHENTICATED');
    }
  });

  it('when an access token of ours has only expired, then 401 says to refresh it; a forged or foreign expired one stays "Invalid or expired credentials"', async () => {
    const s = await t.register();
    const opts = { subject: s.userId, issuer: t.deps.jwt.issuer, audience: t.deps.jwt.audience, algorithm: 'RS256' as const, expiresIn: -10 };
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const detailFor = async (token: string) => {
      const res = await request(t.app).get('/api/v1/me').set(bearer(token));
      expect(res.status).toBe(401);
      return { detail: problemOf(res).detail, challenge: res.headers['www-authenticate'] };
    };
    expect(await detailFor(jwt.sign({ tid: s.tenantId }, t.deps.jwt.privateKey, opts))).toEqual({
      detail: expect.stringMatching(/^The access token has expired: get a new one with POST \/api\/v1\/auth\/refresh/),
      challenge: 'Bearer error="invalid_token", error_description="The access token expired"',
    });
    expect((await detailFor(jwt.sign({ tid: s.tenantId }, otherKey, opts))).detail).toBe('Invalid or expired credentials');
    expect((await detailFor(jwt.sign({ tid: s.tenantId }, t.deps.jwt.privateKey, { ...opts, audience: 'someone-else' }))).detail).toBe('Invalid or expired credentials');
  });

  it('when the user is removed from the tenant, then their still-valid access token is refused', async () => {
    const s = await t.register();
    await t.deps.prisma.membership.deleteMany({ where: { userId: s.userId } });
    expect((await request(t.app).get('/api/v1/me').set(bearer(s))).status).toBe(401);
  });

  it('when logs are written, then they never contain the password or tokens', async () => {
    const lines: string[] = [];
    // Capture what the Console transport would print, after the logger's formats (redaction included).
    const transport = t.deps.logger.transports[0] as unknown as { log: (info: Record<symbol, string>, next: () => void) => void };
    const originalLog = transport.log;
    transport.log = (info, next) => {
      lines.push(info[Symbol.for('message')] ?? '');
      next();
    };
    t.deps.logger.silent = false;
    t.deps.logger.level = 'debug';
    try {
      const s = await t.register();
      await request(t.app).post('/api/v1/auth/login').send({ email: s.email, password: TEST_PASSWORD });
      const joined = lines.join('\n');
      expect(joined).toContain('"path":"/api/v1/auth/login"');
      expect(joined).not.toContain(TEST_PASSWORD);
      expect(joined).not.toContain(s.accessToken);
      expect(joined).not.toContain(s.refreshToken);
    } finally {
      t.deps.logger.silent = true;
      t.deps.logger.level = 'error';
      transport.log = originalLog;
    }
  });
});

describe('login and registration rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_RATE_PER_EMAIL: '3', AUTH_RATE_PER_IP: '6', AUTH_RATE_WINDOW_SEC: '60' } });
  });
  afterAll(() => t.close());

  it('when one email fails too often, then 429 with Retry-After', async () => {
    const s = await t.register();
    const attempt = () => request(t.app).post('/api/v1/auth/login').send({ email: s.email, password: 'Wrong-password-99' });
    expect([(await attempt()).status, (await attempt()).status, (await attempt()).status]).toEqual([401, 401, 401]);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(problemOf(blocked).code).toBe('RATE_LIMITED');
  });

  it('when one IP registers too often, then 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await request(t.app).post('/api/v1/auth/register').set('x-forwarded-for', '203.0.113.9').send({ email: `flood${i}@example.test`, password: TEST_PASSWORD, company: `Flood ${i}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429]);
  });
});
