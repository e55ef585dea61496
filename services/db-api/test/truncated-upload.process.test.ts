import { request as httpRequest } from 'node:http';
import { createPrisma } from '@vocalia/db';
import { TEST_PASSWORD } from './support';
import { spawnDbApi, type DbApiProcess } from './support/spawn-db-api';

const BOUNDARY = '----vocalia-truncated';

/** Writes the start of a multipart body (a `file` part's headers and a few bytes), then ends the request there. */
function postTruncated(url: string, accessToken: string, filename: string): Promise<{ status: number; type: string; body: string }> {
  const partial = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\nthe start of a document that never`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end(partial);
  });
}

describe('multipart uploads that end early, against db-api as a process', () => {
  let api: DbApiProcess;
  beforeAll(async () => {
    api = await spawnDbApi();
  }, 60_000);
  afterAll(() => api.stop());

  it('when knowledge and catalog uploads end inside the file, then each is a 400 problem+json and the process keeps serving', async () => {
    const registered = await fetch(`${api.baseUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'truncated@example.test', password: TEST_PASSWORD, company: 'Truncated Co' }),
    });
    const { accessToken, tenant } = (await registered.json()) as { accessToken: string; tenant: { id: string } };
    const prisma = createPrisma(api.databaseUrl, { poolSize: 1 });
    await prisma.tenant.update({ where: { id: tenant.id }, data: { plan: 'ecommerce' } });
    await prisma.$disconnect();

    for (const [path, filename] of [['/api/v1/knowledge/documents', 'notes.md'], ['/api/v1/catalog/import', 'items.csv']] as const) {
      const res = await postTruncated(`${api.baseUrl}${path}`, accessToken, filename);
      expect({ path, status: res.status, type: res.type }).toEqual({ path, status: 400, type: expect.stringMatching(/application\/problem\+json/) });
      expect(JSON.parse(res.body)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body' }] });
    }
    expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
    expect(api.child.exitCode).toBeNull();
  }, 60_000);
});
