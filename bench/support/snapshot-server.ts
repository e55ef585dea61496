import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TenantSnapshot } from '@vocalia/contracts';

/** db-api's internal snapshot and activity reads for one tenant, from memory. */
export async function startSnapshotServer(snapshot: TenantSnapshot): Promise<{ url: string; server: Server }> {
  const body = JSON.stringify(snapshot);
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === `/internal/v1/tenants/${snapshot.tenant.id}/snapshot`) return void res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    if (path === `/internal/v1/tenants/${snapshot.tenant.id}/activity`) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NOT_FOUND"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
