import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, startTestApp, type TestApp, type TestSession } from './support';

describe('leads, bookings and analytics for the dashboard', () => {
  let t: TestApp;
  let owner: TestSession;
  let leadId: string;
  let bookingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.register(undefined, 'Riad Analytics');
    const p = t.deps.prisma;
    const day = (iso: string) => new Date(iso);
    const widget = await p.conversation.create({ data: { tenantId: owner.tenantId, sessionId: `s_${randomUUID()}`, channel: 'widget', language: 'fr', startedAt: day('2026-03-01T10:00:00Z') } });
    await p.conversation.create({ data: { tenantId: owner.tenantId, sessionId: `s_${randomUUID()}`, channel: 'phone', language: 'ar', status: 'handoff', startedAt: day('2026-03-01T23:59:00Z') } });
    await p.conversation.create({ data: { tenantId: owner.tenantId, sessionId: `s_${randomUUID()}`, channel: 'widget', language: 'fr', startedAt: day('2026-03-03T00:00:00Z') } });
    await p.message.create({ data: { tenantId: owner.tenantId, conversationId: widget.id, role: 'user', text: 'Vos horaires ?', intent: 'hours', eventId: `${randomUUID()}:user`, createdAt: day('2026-03-01T10:00:01Z') } });
    leadId = (await p.lead.create({ data: { tenantId: owner.tenantId, conversationId: widget.id, score: 80, status: 'qualified', name: 'Nadia', createdAt: day('2026-03-01T10:01:00Z') } })).id;
    bookingId = (await p.booking.create({ data: { tenantId: owner.tenantId, conversationId: widget.id, service: 'Dîner', requestedDate: 'samedi', eventId: `evt_${randomUUID()}`, createdAt: day('2026-03-01T10:02:00Z') } })).id;
    await p.usageRecord.create({ data: { tenantId: owner.tenantId, eventId: `u_${randomUUID()}`, kind: 'telephony_seconds', quantity: 61, at: day('2026-03-01T23:59:30Z') } });
  });
  afterAll(() => t.close());

  it('when the owner reads analytics for three days, then each UTC day counts its conversations by channel, zero-filled, with funnel, languages, intents and minutes', async () => {
    const res = await request(t.app).get('/api/v1/analytics').query({ from: '2026-03-01', to: '2026-03-04' }).set(bearer(owner));
    expect(res.status).toBe(200);
    expect(res.body.days.map((d: { date: string; total: number }) => [d.date, d.total])).toEqual([
      ['2026-03-01', 2],
      ['2026-03-02', 0],
      ['2026-03-03', 1],
    ]);
    expect(res.body.days[0].byChannel).toMatchObject({ widget: 1, phone: 1, voice: 0, api: 0 });
    expect(res.body.totals).toEqual({ conversations: 3, messages: 1, handoffs: 1, leads: 1, bookings: 1 });
    expect(res.body.leadFunnel).toMatchObject({ qualified: 1, new: 0 });
    expect(res.body.languages).toEqual([{ language: 'fr', count: 2 }, { language: 'ar', count: 1 }]);
    expect(res.body.intents).toEqual([{ intent: 'hours', count: 1 }]);
    expect(res.body.minutes).toEqual({ voice: 0, telephony: 2 });
  });

  it('when the range is backwards or longer than a year, then 400 names the field', async () => {
    const backwards = await request(t.app).get('/api/v1/analytics').query({ from: '2026-03-04', to: '2026-03-01' }).set(bearer(owner));
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body.errors)).toContain('to');
    const long = await request(t.app).get('/api/v1/analytics').query({ from: '2020-01-01' }).set(bearer(owner));
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.errors)).toContain('query.from');
  });

  it('when the owner lists leads and marks one won, then the list shows it and the audit log records it', async () => {
    const list = await request(t.app).get('/api/v1/leads').set(bearer(owner));
    expect(list.status).toBe(200);
    expect(list.body.items).toMatchObject([{ id: leadId, name: 'Nadia', score: 80, status: 'qualified' }]);
    const won = await request(t.app).patch(`/api/v1/leads/${leadId}`).set(bearer(owner)).send({ status: 'won' });
    expect(won.status).toBe(200);
    expect(won.body.status).toBe('won');
    expect((await request(t.app).get('/api/v1/leads').query({ status: 'qualified' }).set(bearer(owner))).body.items).toEqual([]);
    const audit = await request(t.app).get('/api/v1/audit').set(bearer(owner));
    expect(JSON.stringify(audit.body)).toContain('lead.status_changed');
  });

  it('when a status is not one of the funnel steps, then 400 names body.status and nothing changes', async () => {
    const res = await request(t.app).patch(`/api/v1/leads/${leadId}`).set(bearer(owner)).send({ status: 'maybe' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('body.status');
  });

  it('when the owner confirms, marks done, then cancels a booking, then the list follows', async () => {
    expect((await request(t.app).get('/api/v1/bookings').set(bearer(owner))).body.items).toMatchObject([{ id: bookingId, service: 'Dîner', status: 'requested' }]);
    expect((await request(t.app).patch(`/api/v1/bookings/${bookingId}`).set(bearer(owner)).send({ status: 'confirmed' })).body.status).toBe('confirmed');
    expect((await request(t.app).patch(`/api/v1/bookings/${bookingId}`).set(bearer(owner)).send({ status: 'done' })).body.status).toBe('done');
    expect((await request(t.app).get(`/api/v1/conversations/${(await t.deps.prisma.booking.findUniqueOrThrow({ where: { id: bookingId } })).conversationId}`).set(bearer(owner))).body.bookings[0].status).toBe('done');
    expect((await request(t.app).patch(`/api/v1/bookings/${bookingId}`).set(bearer(owner)).send({ status: 'cancelled' })).body.status).toBe('cancelled');
    expect((await request(t.app).get('/api/v1/bookings').query({ status: 'cancelled' }).set(bearer(owner))).body.items).toHaveLength(1);
  });
});
