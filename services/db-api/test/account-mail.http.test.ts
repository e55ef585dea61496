import request from 'supertest';
import { addMemberSession, bearer, linkToken, problemOf, startTestApp, TEST_PASSWORD, type TestApp } from './support';

const MINUTE_MS = 60_000;
const NEW_PASSWORD = 'Brand-New-Secret-88';

describe('email verification, password reset and password change', () => {
  let t: TestApp;
  let now = new Date('2026-06-01T10:00:00Z');
  beforeAll(async () => {
    t = await startTestApp({ workers: false, clock: () => now, env: { PASSWORD_RESET_TTL_MINUTES: '30', PUBLIC_BASE_URL: 'https://edge.example.com' } });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => request(t.app).post('/api/v1/auth/login').send({ email, password });

  it('when an account registers, then a mailed link verifies its address, once', async () => {
    const owner = await t.register();
    expect((await request(t.app).get('/api/v1/me').set(bearer(owner))).body.user.emailVerified).toBe(false);
    const mail = await t.mailbox.next(owner.email, /Confirm your email/);
    expect(mail.text).toContain('https://edge.example.com/app/#/verify-email?token=');
    const token = linkToken(mail, 'verify-email');
    await request(t.app).post('/api/v1/auth/verify-email').send({ token }).expect(204);
    expect((await request(t.app).get('/api/v1/me').set(bearer(owner))).body.user.emailVerified).toBe(true);
    const again = await request(t.app).post('/api/v1/auth/verify-email').send({ token });
    expect(problemOf(again).errors).toEqual([{ path: 'body.token', message: 'invalid, already used or expired', rule: 'invalid_token' }]);
    expect((await request(t.app).post('/api/v1/me/verify-email').set(bearer(owner))).status).toBe(409);
  });

  it('when the verification link is lost, then the signed-in user asks for a new one and it works', async () => {
    const owner = await t.register();
    await t.mailbox.next(owner.email, /Confirm your email/);
    const resent = await request(t.app).post('/api/v1/me/verify-email').set(bearer(owner)).send({ language: 'en' });
    expect(resent.status).toBe(202);
    const token = linkToken(await t.mailbox.next(owner.email, /Confirm your email/), 'verify-email');
    await request(t.app).post('/api/v1/auth/verify-email').send({ token }).expect(204);
  });

  it('when a reset is asked for a known and an unknown address, then both answers are the same and only the account gets a link', async () => {
    const owner = await t.register();
    const unknown = await request(t.app).post('/api/v1/auth/password-reset').send({ email: 'no.such.account@example.test', language: 'en' });
    const known = await request(t.app).post('/api/v1/auth/password-reset').send({ email: owner.email, language: 'en' });
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    expect(known.status).toBe(202);
    const mail = await t.mailbox.next(owner.email, /Reset your VocalIA password/);
    expect(mail.text).toContain('https://edge.example.com/app/#/reset-password?token=');
    expect(t.mailbox.received.filter((m) => m.to.includes('no.such.account@example.test'))).toEqual([]);
  });

  it('when a reset link is followed, then the password changes once and every session of the account ends', async () => {
    const other = await t.register();
    const member = await addMemberSession(t, other, 'member');
    const ownSession = await login(member.email, TEST_PASSWORD).expect(200);
    await request(t.app).post('/api/v1/auth/password-reset').send({ email: member.email, language: 'en' }).expect(202);
    const token = linkToken(await t.mailbox.next(member.email, /Reset your VocalIA password/), 'reset-password');
    const weak = await request(t.app).post('/api/v1/auth/password-reset/confirm').send({ token, password: 'weak' });
    expect(problemOf(weak).errors?.[0]?.path).toBe('body.password');
    await request(t.app).post('/api/v1/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD }).expect(204);
    for (const refreshToken of [member.refreshToken, ownSession.body.refreshToken]) {
      expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken })).status).toBe(401);
    }
    expect(await t.deps.prisma.refreshToken.count({ where: { user: { email: member.email }, revokedAt: null } })).toBe(0);
    expect((await login(member.email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(member.email, NEW_PASSWORD)).status).toBe(200);
    expect((await request(t.app).post('/api/v1/auth/password-reset/confirm').send({ token, password: 'Another-Secret-99' })).status).toBe(400);
  });

  it('when a reset link is older than its lifetime, then it is refused and the password stays', async () => {
    const owner = await t.register();
    await request(t.app).post('/api/v1/auth/password-reset').send({ email: owner.email, language: 'en' }).expect(202);
    const token = linkToken(await t.mailbox.next(owner.email, /Reset your VocalIA password/), 'reset-password');
    now = new Date(now.getTime() + 31 * MINUTE_MS);
    expect((await request(t.app).post('/api/v1/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD })).status).toBe(400);
    expect((await login(owner.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('when a signed-in user changes their password, then the current one is required and other sessions end', async () => {
    const owner = await t.register();
    const elsewhere = await login(owner.email, TEST_PASSWORD).expect(200);
    const wrong = await request(t.app).post('/api/v1/me/password').set(bearer(owner)).send({ currentPassword: 'Not-The-Password-1', newPassword: NEW_PASSWORD });
    expect(problemOf(wrong).errors?.[0]?.path).toBe('body.currentPassword');
    const changed = await request(t.app).post('/api/v1/me/password').set(bearer(owner)).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: elsewhere.body.refreshToken })).status).toBe(401);
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: changed.body.refreshToken })).status).toBe(200);
    expect((await login(owner.email, NEW_PASSWORD)).status).toBe(200);
    const key = await t.createApiKey(owner);
    expect((await request(t.app).post('/api/v1/me/password').set(bearer(key.key)).send({ currentPassword: NEW_PASSWORD, newPassword: 'Third-Secret-777' })).status).toBe(403);
  });
});
