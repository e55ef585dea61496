import { summaryLines } from '../src/summary';

const base = {
  services: [{ name: 'voice-api', port: 3004, url: 'http://127.0.0.1:3004', state: 'healthy' as const }],
  postgres: { url: 'postgres://vocalia:secret@127.0.0.1:5432/vocalia', source: 'local' as const, description: 'local PostgreSQL', stop: async () => undefined },
  redis: { url: 'redis://127.0.0.1:6379', source: 'local' as const, description: 'local Redis', stop: async () => undefined },
  edgeUrl: 'http://localhost:8080',
};

describe('the launcher summary', () => {
  it('when the demo tenant is seeded, then a "try it" line gives the demo page URL next to its snippet', () => {
    const lines = summaryLines({ ...base, seed: { ok: true, tenantId: 'tenant_abc-1', notes: [] } });
    const tryIt = lines.find((l) => l.trimStart().startsWith('try it'));
    expect(tryIt).toContain('http://localhost:8080/widget/demo?tenantId=tenant_abc-1');
    expect(lines.some((l) => l.includes('data-vocalia-tenant="tenant_abc-1"'))).toBe(true);
  });

  it('when the seed failed, then there is no "try it" line', () => {
    const lines = summaryLines({ ...base, seed: { ok: false, reason: 'db-api did not answer' } });
    expect(lines.some((l) => l.trimStart().startsWith('try it'))).toBe(false);
  });
});
