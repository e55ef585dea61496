import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startPgBouncer, type PgBouncer } from '@vocalia/db/testing';
import { createVocaliaClient, VocaliaApiError } from '@vocalia/sdk';
import { listen } from '@vocalia/service-kit';
import { linkToken, startTestApp, TEST_PASSWORD, type TestApp } from './support';

/**
 * The journey straight to PostgreSQL, and again as a deployment past a few replicas runs it
 * (docs/operations.md): through PgBouncer in transaction mode, one server connection for all of db-api's,
 * with DB_PREPARED_STATEMENTS=false as a pooler before 1.21 needs. Every transaction there may land on
 * another server connection, so anything db-api kept in a session (a prepared statement, a lock, a
 * setting) would break it.
 */
describe.each([
  ['straight to PostgreSQL', false],
  ['through PgBouncer in transaction mode', true],
])('a new integrator, end to end through the SDK, %s', (_how, pooled) => {
  let t: TestApp;
  let pooler: PgBouncer | undefined;
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    pooler = pooled ? await startPgBouncer({ poolSize: 1 }) : undefined;
    t = await startTestApp(pooler ? { env: { DB_PREPARED_STATEMENTS: 'false' }, databaseVia: (url) => pooler!.urlFor(url) } : {});
    server = await listen(t.app, 0, undefined, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
    await pooler?.stop();
  });

  it('when they register, create a key, allow their site, build an agent and a knowledge base, then the snippet and everything reads back', async () => {
    const dashboard = createVocaliaClient({ baseUrl });
    const session = await dashboard.auth.register({ email: 'founder@riad-atlas.example', password: TEST_PASSWORD, company: 'Riad Atlas' });
    expect(session.tenant).toMatchObject({ name: 'Riad Atlas', plan: 'starter', status: 'trialing' });

    // Server-side API keys come with api_access (Pro and above); outside production the plan changes at once.
    await expect(dashboard.apiKeys.create({ name: 'Website backend' })).rejects.toMatchObject({ status: 403, code: 'PLAN_REQUIRED', problem: { feature: 'api_access', requiredPlan: 'pro' } });
    expect((await dashboard.plans.change('pro')).features).toContain('api_access');
    const key = await dashboard.apiKeys.create({ name: 'Website backend' });
    expect(key.key).toMatch(/^vk_[0-9a-f]{48}$/);
    const origin = await dashboard.origins.add('https://WWW.Riad-Atlas.example/');
    expect(origin.origin).toBe('https://www.riad-atlas.example');
    const agent = await dashboard.agents.create({ name: 'Amal', personaId: 'dental', languages: ['fr', 'ar'], greeting: { fr: 'Bonjour, je suis Amal.' } });
    const doc = await dashboard.knowledge.create({ title: 'Horaires', kind: 'text', language: 'fr', content: 'Le riad accueille les clients tous les jours de 9h à 19h. Petit-déjeuner inclus.' });
    const snippet = await dashboard.widget.snippet();
    expect(snippet.tenantId).toBe(session.tenant.id);
    expect(snippet.snippets.html.code).toContain(session.tenant.id);

    // The integrator's server, with the API key only.
    const server = createVocaliaClient({ baseUrl, apiKey: key.key });
    const me = await server.auth.me();
    expect(me).toMatchObject({ user: null, via: 'api_key', role: 'admin', tenant: { id: session.tenant.id } });
    expect((await server.origins.list()).items.map((o) => o.origin)).toEqual(['https://www.riad-atlas.example']);
    expect((await server.agents.list()).items.map((a) => a.id)).toEqual([agent.id]);
    expect(await server.agents.get(agent.id)).toMatchObject({ name: 'Amal', languages: ['fr', 'ar'] });
    expect((await server.knowledge.list()).items.map((d) => d.id)).toEqual([doc.id]);
    expect((await server.knowledge.get(doc.id)).chunks.length).toBeGreaterThan(0);
    expect((await server.apiKeys.list()).items.map((k) => k.prefix)).toEqual([key.prefix]);
    expect(await server.widget.snippet()).toEqual(snippet);
    expect((await server.plans.current()).plan).toBe('pro');
    expect((await server.tenant.get()).name).toBe('Riad Atlas');
    const audit = await server.audit.list();
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.registered', 'api_key.created', 'origin.added']));
    expect(await server.audit.verify()).toMatchObject({ valid: true });

    const denied = await server.plans.checkFeature('telephony').catch((err: unknown) => err);
    expect(denied).toBeInstanceOf(VocaliaApiError);
    expect(denied).toMatchObject({ status: 403, code: 'PLAN_REQUIRED', problem: { feature: 'telephony', requiredPlan: 'telephony' } });

    await dashboard.apiKeys.revoke(key.id);
    await expect(server.tenant.get()).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('when the founder invites a colleague and both manage passwords through the SDK, then every mailed link works through it', async () => {
    const founder = createVocaliaClient({ baseUrl });
    const session = await founder.auth.register({ email: 'owner@dar-sdk.example', password: TEST_PASSWORD, company: 'Dar SDK' });
    await founder.auth.verifyEmail(linkToken(await t.mailbox.next('owner@dar-sdk.example', /Confirm/), 'verify-email'));
    expect((await founder.auth.me()).user?.emailVerified).toBe(true);

    const invitation = await founder.invitations.create({ email: 'colleague@dar-sdk.example', role: 'admin' });
    expect((await founder.invitations.list()).items.map((i) => i.status)).toEqual(['pending']);
    const colleague = createVocaliaClient({ baseUrl });
    const joined = await colleague.auth.acceptInvitationWithPassword({ token: linkToken(await t.mailbox.next('colleague@dar-sdk.example'), 'invitation'), password: 'Teammate-Pass-2026' });
    expect(joined.tenant.id).toBe(session.tenant.id);
    expect((await colleague.auth.me()).role).toBe('admin');
    await expect(founder.invitations.revoke(invitation.id)).rejects.toMatchObject({ status: 409 });

    await colleague.auth.changePassword({ currentPassword: 'Teammate-Pass-2026', newPassword: 'Teammate-Pass-2027' });
    await colleague.auth.requestPasswordReset('colleague@dar-sdk.example', 'es');
    await colleague.auth.resetPassword({ token: linkToken(await t.mailbox.next('colleague@dar-sdk.example', /Restablece/), 'reset-password'), password: 'Teammate-Pass-2028' });
    expect((await colleague.auth.login({ email: 'colleague@dar-sdk.example', password: 'Teammate-Pass-2028' })).tenant.id).toBe(session.tenant.id);
  });
});
