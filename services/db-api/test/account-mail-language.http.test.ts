import request from 'supertest';
import { bearer, problemOf, startTestApp, TEST_PASSWORD, type TestApp, type TestSession } from './support';

describe('account mails speak the recipient’s language', () => {
  let t: TestApp;
  const now = new Date('2026-06-01T10:00:00Z');
  beforeAll(async () => {
    t = await startTestApp({ workers: false, clock: () => now, env: { EMAIL_VERIFICATION_TTL_HOURS: '48', INVITATION_TTL_HOURS: '72', PASSWORD_RESET_TTL_MINUTES: '30' } });
  });
  afterAll(() => t.close());

  let counter = 0;
  const address = (label: string) => `${label}.${++counter}.${now.getTime()}@example.test`;
  const register = (body: Record<string, unknown>) => request(t.app).post('/api/v1/auth/register').send({ password: TEST_PASSWORD, company: `Langue ${++counter}`, ...body });
  const setTenantLanguage = (session: TestSession, defaultLanguage: string) => t.deps.prisma.tenant.update({ where: { id: session.tenantId }, data: { defaultLanguage } });

  it('when an owner signs up with language fr, then the verification mail is in French with the expiry written for a French reader', async () => {
    const email = address('fr.owner');
    expect((await register({ email, language: 'fr' })).status).toBe(201);
    const mail = await t.mailbox.next(email);
    expect(mail.subject).toBe('Confirmez votre adresse e-mail pour VocalIA');
    expect(mail.text).toContain('Confirmez que cette adresse est bien la vôtre');
    expect(mail.text).toContain('expire le 3 juin 2026 à 10:00 UTC');
    expect(mail.text).toContain('/app/#/verify-email?token=');
  });

  it('when an owner signs up without a language, then the verification mail is in English, as before, with a readable UTC expiry', async () => {
    const email = address('en.owner');
    expect((await register({ email })).status).toBe(201);
    const mail = await t.mailbox.next(email);
    expect(mail.subject).toBe('Confirm your email address for VocalIA');
    expect(mail.text).toContain('This link works once and expires on June 3, 2026 at 10:00 AM UTC.');
    expect(mail.text).not.toContain('2026-06-03T10:00:00.000Z');
  });

  it('when a French tenant invites without a language, then the invitation is in French, with the role in French', async () => {
    const owner = await t.register(undefined, 'Boulangerie Atlas');
    await setTenantLanguage(owner, 'fr');
    const invitee = address('fr.invitee');
    expect((await request(t.app).post('/api/v1/invitations').set(bearer(owner)).send({ email: invitee, role: 'admin' })).status).toBe(201);
    const mail = await t.mailbox.next(invitee);
    expect(mail.subject).toBe('Invitation à rejoindre Boulangerie Atlas sur VocalIA');
    expect(mail.text).toContain('avec le rôle « administrateur »');
    expect(mail.text).toContain('expire le 4 juin 2026 à 10:00 UTC');
    expect(mail.text).toContain('/app/#/invitation?token=');
  });

  it('when an English tenant invites without a language, then the invitation is the English one', async () => {
    const owner = await t.register(undefined, 'Atlas Bakery');
    await setTenantLanguage(owner, 'en');
    const invitee = address('en.invitee');
    await request(t.app).post('/api/v1/invitations').set(bearer(owner)).send({ email: invitee }).expect(201);
    const mail = await t.mailbox.next(invitee);
    expect(mail.subject).toBe('You are invited to join Atlas Bakery on VocalIA');
    expect(mail.text).toContain('You are invited to join Atlas Bakery on VocalIA as member.');
  });

  it('when the inviter asks for Darija, then the invitation is in Darija whatever the tenant’s language', async () => {
    const owner = await t.register(undefined, 'Hanout Zineb');
    await setTenantLanguage(owner, 'en');
    const invitee = address('ary.invitee');
    await request(t.app).post('/api/v1/invitations').set(bearer(owner)).send({ email: invitee, language: 'ary' }).expect(201);
    const mail = await t.mailbox.next(invitee);
    expect(mail.subject).toBe('عرضو عليكم تدخلو ل Hanout Zineb ف VocalIA');
    expect(mail.text).toContain('بصفة عضو');
    expect(mail.text).toContain('2026');
    expect(mail.text).toContain('UTC');
  });

  it('when a reset is asked in Spanish, then the reset mail is in Spanish', async () => {
    const owner = await t.register();
    await setTenantLanguage(owner, 'fr');
    await request(t.app).post('/api/v1/auth/password-reset').send({ email: owner.email, language: 'es' }).expect(202);
    const mail = await t.mailbox.next(owner.email, /contraseña/);
    expect(mail.subject).toBe('Restablece tu contraseña de VocalIA');
    expect(mail.text).toContain('caduca el 1 de junio de 2026 a las 10:30 UTC');
    expect(mail.text).toContain('/app/#/reset-password?token=');
  });

  it('when a reset is asked without a language, then the mail is in the language of the account’s tenant', async () => {
    const owner = await t.register();
    await setTenantLanguage(owner, 'ar');
    await request(t.app).post('/api/v1/auth/password-reset').send({ email: owner.email }).expect(202);
    const mail = await t.mailbox.next(owner.email, /كلمة مرور/);
    expect(mail.subject).toBe('إعادة تعيين كلمة مرور VocalIA');
    expect(mail.text).toContain('تنتهي صلاحيته في');
  });

  it('when a signed-in user asks again for the verification link, then it comes in the language asked for, else the tenant’s', async () => {
    const owner = await t.register();
    await t.mailbox.next(owner.email, /Confirm your email/);
    await request(t.app).post('/api/v1/me/verify-email').set(bearer(owner)).send({ language: 'es' }).expect(202);
    expect((await t.mailbox.next(owner.email)).subject).toBe('Confirma tu dirección de correo para VocalIA');
    await setTenantLanguage(owner, 'fr');
    await request(t.app).post('/api/v1/me/verify-email').set(bearer(owner)).expect(202);
    expect((await t.mailbox.next(owner.email)).subject).toBe('Confirmez votre adresse e-mail pour VocalIA');
  });

  it('when a request names a language the platform does not speak, then 400 problem+json names body.language and nothing is mailed', async () => {
    const owner = await t.register();
    await t.mailbox.next(owner.email, /Confirm your email/);
    const email = address('de.owner');
    const refused = [
      await register({ email, language: 'de' }),
      await request(t.app).post('/api/v1/auth/password-reset').send({ email: owner.email, language: 'de' }),
      await request(t.app).post('/api/v1/invitations').set(bearer(owner)).send({ email: address('de.invitee'), language: 'de' }),
      await request(t.app).post('/api/v1/me/verify-email').set(bearer(owner)).send({ language: 'de' }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(400);
      expect(problemOf(res).errors?.map((e) => e.path)).toEqual(['body.language']);
    }
    expect(await t.deps.prisma.user.count({ where: { email } })).toBe(0);
    expect(t.mailbox.received.filter((m) => m.to.includes(owner.email) || m.to.includes(email))).toHaveLength(1);
  });
});
