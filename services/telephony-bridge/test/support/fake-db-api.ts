import { INTERNAL_TOKEN_HEADER, type ResolvedPhoneNumber, type TenantSnapshot } from '@vocalia/contracts';
import { listenLocal, type LocalServer } from './listen-local';

export const INTERNAL_TOKEN = 'test-internal-token-0123456789';

/** db-api's internal reads telephony-bridge makes (snapshot, number resolution), served from memory. */
export class FakeDbApi {
  readonly snapshots = new Map<string, TenantSnapshot>();
  readonly numbers = new Map<string, ResolvedPhoneNumber>();
  readonly hits = new Map<string, number>();
  private server: LocalServer | undefined;

  get url(): string {
    if (!this.server) throw new Error('not started');
    return this.server.url;
  }

  hitCount(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  async start(): Promise<this> {
    this.server = await listenLocal((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      this.hits.set(url.pathname, this.hitCount(url.pathname) + 1);
      const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.headers[INTERNAL_TOKEN_HEADER] !== INTERNAL_TOKEN) return send(401, { code: 'UNAUTHENTICATED' });
      if (url.pathname === '/internal/v1/phone-numbers/resolve') {
        const found = this.numbers.get(url.searchParams.get('number') ?? '');
        return found ? send(200, found) : send(404, { code: 'NOT_FOUND' });
      }
      const match = /^\/internal\/v1\/tenants\/([^/]+)\/snapshot$/.exec(url.pathname);
      const snapshot = match && this.snapshots.get(decodeURIComponent(match[1] ?? ''));
      return snapshot ? send(200, snapshot) : send(404, { code: 'NOT_FOUND' });
    });
    return this;
  }

  stop(): Promise<void> {
    return this.server?.close() ?? Promise.resolve();
  }
}
