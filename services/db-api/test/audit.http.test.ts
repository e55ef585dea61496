import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { auditHash } from '../src/audit/audit-hash';
import { recordAudit } from '../src/audit/record-audit';
import { verifyAuditChain } from '../src/audit/verify-audit-chain';
import { addMemberSession, bearer, jobsSettled, startTestApp, type TestApp } from './support';

describe('hash-chained audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function seed(tenantId: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) await recordAudit(t.deps, { tenantId, actor: 'system', action: 'test.event', target: `thing:${i}`, meta: { i, nested: { b: 2, a: [1, 'x'] } } });
  }

  it('when actions happen, then the chain links each row to the previous one and verifies', async () => {
    const s = await t.register();
    await seed(s.tenantId, 5);
    const rows = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId }, orderBy: { seq: 'asc' } });
    expect(rows[0]?.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    const res = await request(t.app).get('/api/v1/audit/verify').set(bearer(s));
    expect(res.body).toEqual({ valid: true, checked: rows.length });
    const newest = rows.at(-1)!;
    expect(await t.deps.prisma.auditHead.findUnique({ where: { chainKey: s.tenantId } })).toMatchObject({ tenantId: s.tenantId, seq: newest.seq, hash: newest.hash, count: BigInt(rows.length) });
  });

  it('when many actions of one tenant are recorded at once, then the chain stays a single line and its head is its newest row', async () => {
    const s = await t.register();
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(t.deps, { tenantId: s.tenantId, actor: 'system', action: 'burst', meta: { i } })));
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(s))).body).toMatchObject({ valid: true, checked: 21 });
    const newest = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.tenantId }, orderBy: { seq: 'desc' } });
    expect(await t.deps.prisma.auditHead.findUnique({ where: { chainKey: s.tenantId } })).toMatchObject({ seq: newest.seq, hash: newest.hash, count: 21n });
  });

  it('when the chain is verified while actions are being recorded, then no verification reports tampering', async () => {
    const s = await t.register();
    const appends = Array.from({ length: 30 }, (_, i) => recordAudit(t.deps, { tenantId: s.tenantId, actor: 'system', action: 'burst', meta: { i } }));
    const verifications = Array.from({ length: 10 }, () => verifyAuditChain(t.deps, s.tenantId));
    const results = await Promise.all(verifications);
    await Promise.all(appends);
    for (const result of results) expect(result).toMatchObject({ valid: true });
    expect(await verifyAuditChain(t.deps, s.tenantId)).toEqual({ valid: true, checked: 31 });
  });

  it('when a row is edited in the database, then verify reports it', async () => {
    const s = await t.register();
    await seed(s.tenantId, 4);
    const rows = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId }, orderBy: { seq: 'asc' } });
    const victim = rows[2]!;
    await t.deps.prisma.auditLog.update({ where: { id: victim.id }, data: { meta: { i: 999 } } });
    const res = await request(t.app).get('/api/v1/audit/verify').set(bearer(s));
    expect(res.body).toEqual({ valid: false, checked: 2, firstBrokenSeq: Number(victim.seq), reason: 'hash_mismatch' });
  });

  it('when a row is edited and its hash recomputed, then the next row no longer links to it', async () => {
    const s = await t.register();
    await seed(s.tenantId, 4);
    const rows = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId }, orderBy: { seq: 'asc' } });
    await t.deps.prisma.auditLog.update({ where: { id: rows[1]!.id }, data: { action: 'forged', hash: 'f'.repeat(64) } });
    const res = await request(t.app).get('/api/v1/audit/verify').set(bearer(s));
    expect(res.body).toMatchObject({ valid: false, firstBrokenSeq: Number(rows[1]!.seq) });
  });

  it('when a row is deleted, then verify reports the broken link at the next row', async () => {
    const s = await t.register();
    await seed(s.tenantId, 4);
    const rows = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId }, orderBy: { seq: 'asc' } });
    await t.deps.prisma.auditLog.delete({ where: { id: rows[2]!.id } });
    const res = await request(t.app).get('/api/v1/audit/verify').set(bearer(s));
    expect(res.body).toEqual({ valid: false, checked: 2, firstBrokenSeq: Number(rows[3]!.seq), reason: 'chain_broken' });
  });

  it('when the first row is deleted, then verify reports it', async () => {
    const s = await t.register();
    await seed(s.tenantId, 2);
    const first = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.tenantId }, orderBy: { seq: 'asc' } });
    await t.deps.prisma.auditLog.delete({ where: { id: first.id } });
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(s))).body).toMatchObject({ valid: false, reason: 'chain_broken' });
  });

  it('when the newest row is deleted, then verify reports the chain truncated', async () => {
    const s = await t.register();
    await seed(s.tenantId, 4);
    const newest = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.tenantId }, orderBy: { seq: 'desc' } });
    await t.deps.prisma.auditLog.delete({ where: { id: newest.id } });
    const res = await request(t.app).get('/api/v1/audit/verify').set(bearer(s));
    expect(res.body).toEqual({ valid: false, checked: 4, reason: 'tail_truncated' });
  });

  it('when the two newest rows are deleted, then verify reports the chain truncated', async () => {
    const s = await t.register();
    await seed(s.tenantId, 4);
    const newest = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId }, orderBy: { seq: 'desc' }, take: 2 });
    await t.deps.prisma.auditLog.deleteMany({ where: { id: { in: newest.map((r) => r.id) } } });
    const res = await request(t.app).get('/api/v1/audit/verify').set(bearer(s));
    expect(res.body).toEqual({ valid: false, checked: 3, reason: 'tail_truncated' });
  });

  it('when every row of the chain is deleted, then verify reports the chain truncated', async () => {
    const s = await t.register();
    await t.deps.prisma.auditLog.deleteMany({ where: { tenantId: s.tenantId } });
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(s))).body).toEqual({ valid: false, checked: 0, reason: 'tail_truncated' });
  });

  it('when the newest row is deleted and another action follows, then the new row does not link and verify reports it', async () => {
    const s = await t.register();
    await seed(s.tenantId, 3);
    const newest = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.tenantId }, orderBy: { seq: 'desc' } });
    await t.deps.prisma.auditLog.delete({ where: { id: newest.id } });
    await seed(s.tenantId, 1);
    const after = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.tenantId }, orderBy: { seq: 'desc' } });
    expect(after.prevHash).toBe(newest.hash);
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(s))).body).toEqual({ valid: false, checked: 3, firstBrokenSeq: Number(after.seq), reason: 'chain_broken' });
  });

  it('when a well-formed row is added to the end without recordAudit, then verify reports that the head disagrees', async () => {
    const s = await t.register();
    await seed(s.tenantId, 2);
    const newest = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.tenantId }, orderBy: { seq: 'desc' } });
    const [next] = await t.deps.prisma.$queryRaw<{ seq: bigint }[]>`SELECT nextval(pg_get_serial_sequence('audit_logs', 'seq')) AS seq`;
    const content = { seq: next!.seq, tenantId: s.tenantId, actor: 'system', action: 'forged', target: null, meta: {}, at: new Date() };
    await t.deps.prisma.auditLog.create({ data: { ...content, prevHash: newest.hash, hash: auditHash(newest.hash, content) } });
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(s))).body).toEqual({ valid: false, checked: 3, firstBrokenSeq: Number(next!.seq), reason: 'head_mismatch' });
  });

  it('when the head is deleted or its count edited, then verify reports that the head disagrees', async () => {
    const s = await t.register();
    await seed(s.tenantId, 2);
    const first = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.tenantId }, orderBy: { seq: 'asc' } });
    await t.deps.prisma.auditHead.update({ where: { chainKey: s.tenantId }, data: { count: 2n } });
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(s))).body).toEqual({ valid: false, checked: 3, reason: 'head_mismatch' });
    await t.deps.prisma.auditHead.delete({ where: { chainKey: s.tenantId } });
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(s))).body).toEqual({ valid: false, checked: 0, firstBrokenSeq: Number(first.seq), reason: 'head_mismatch' });
  });

  it("when a tenant is erased, then its head goes with its chain and the platform chain, which records the erasure, still verifies", async () => {
    const s = await t.register(undefined, 'Audit Erased');
    await seed(s.tenantId, 2);
    const res = await request(t.app).post('/api/v1/gdpr/erase').set(bearer(s)).send({ scope: 'tenant', confirm: 'Audit Erased' });
    expect(res.status).toBe(200);
    expect(await t.deps.prisma.auditHead.count({ where: { chainKey: s.tenantId } })).toBe(0);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId } })).toBe(0);
    const platform = await t.deps.prisma.auditLog.count({ where: { tenantId: null } });
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: null, action: 'gdpr.tenant_erased', target: `tenant:${s.tenantId}` } })).toBe(1);
    expect(await t.deps.prisma.auditHead.findUnique({ where: { chainKey: 'platform' } })).toMatchObject({ tenantId: null, count: BigInt(platform) });
    expect(await verifyAuditChain(t.deps, null)).toEqual({ valid: true, checked: platform });
  });

  it("when one tenant's chain is broken, then another tenant's still verifies", async () => {
    const a = await t.register();
    const b = await t.register();
    await seed(a.tenantId, 2);
    await seed(b.tenantId, 2);
    const rowA = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: a.tenantId, action: 'test.event' } });
    await t.deps.prisma.auditLog.update({ where: { id: rowA.id }, data: { actor: 'someone-else' } });
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(a))).body.valid).toBe(false);
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(b))).body.valid).toBe(true);
  });

  it('when the log is paged, then pages are newest first, disjoint, and only of this tenant', async () => {
    const s = await t.register();
    const other = await t.register();
    await seed(s.tenantId, 7);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(t.app).get('/api/v1/audit').query({ limit: 3, ...(cursor ? { cursor } : {}) }).set(bearer(s));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { seq: number }) => i.seq));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect([...seen].sort((x, y) => y - x)).toEqual(seen);
    const otherRows = await t.deps.prisma.auditLog.findMany({ where: { tenantId: other.tenantId } });
    expect(seen.some((seq) => otherRows.some((r) => Number(r.seq) === seq))).toBe(false);
    const filtered = await request(t.app).get('/api/v1/audit').query({ action: 'auth.registered' }).set(bearer(s));
    expect(filtered.body.items).toHaveLength(1);
    expect((await request(t.app).get('/api/v1/audit').query({ cursor: 'abc' }).set(bearer(s))).status).toBe(400);
  });

  it('when a member (not admin) reads the audit log, then 403', async () => {
    const owner = await t.register();
    const member = await addMemberSession(t, owner, 'member');
    expect((await request(t.app).get('/api/v1/audit').set(bearer(member))).status).toBe(403);
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(member))).status).toBe(403);
  });

  it('when another service sends an audit event on the queue, then it lands in the chain once, even if delivered twice', async () => {
    const s = await t.register();
    const event = { v: 1 as const, eventId: `evt_${randomUUID()}`, tenantId: s.tenantId, requestId: 'req-queue-1', at: new Date().toISOString(), actor: 'service:voice-api', action: 'call.recording_started', target: 'call:CA1', meta: {} };
    const ids = [await t.deps.producers.audit.add(event), await t.deps.producers.audit.add(event, { jobId: `${event.eventId}-redelivered` })];
    await jobsSettled(t.deps.producers.audit.queue, ids);
    const rows = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId, action: 'call.recording_started' } });
    expect(rows).toHaveLength(1);
    expect((await request(t.app).get('/api/v1/audit/verify').set(bearer(s))).body.valid).toBe(true);
  });
});
