import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INTERNAL_TOKEN_HEADER, type ResolvedPhoneNumber, type SocialProofResponse, type TenantSnapshot } from '@vocalia/contracts';

export const INTERNAL_TOKEN = 'test-internal-token-0123456789';

/**
 * db-api's internal reads (snapshot, activity, phone-number resolution), served from memory, with the shared-secret check and a hit counter.
 * `events` emits `request` (path) on arrival and `responded` (path) once the answer is sent.
 */
export class FakeDbApi {
  readonly events = new EventEmitter();
  readonly snapshots = new Map<string, TenantSnapshot>();
  /** Keyed by tenant id, or `tenant:language` for the sentences in one language. */
  readonly activity = new Map<string, SocialProofResponse>();
  /** Keyed by the dialled number in E.164. */
  readonly numbers = new Map<string, ResolvedPhoneNumber>();
  readonly hits = new Map<string, number>();
  delayMs = 0;
  failWith: number | undefined;
  private server: Server | undefined;
  private port = 0;
  private gate: { opened: Promise<void>; open: () => void } | undefined;

  /** Answers wait (decided on arrival, sent later) until `release()`: a db-api that is slow for as long as the test says. */
  hold(): void {
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { opened, open };
  }

  release(): void {
    this.gate?.open();
    this.gate = undefined;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  hitCount(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      this.hits.set(url.pathname, this.hitCount(url.pathname) + 1);
      this.events.emit('request', url.pathname);
      // The answer is decided on arrival and sent after `delayMs` (and the gate, when held), like a read that takes time.
      const send = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        const answer = () =>
          setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(text, () => this.events.emit('responded', url.pathname)), this.delayMs);
        if (this.gate) void this.gate.opened.then(answer);
        else answer();
      };
      if (req.headers[INTERNAL_TOKEN_HEADER] !== INTERNAL_TOKEN) return send(401, { code: 'UNAUTHENTICATED' });
      if (this.failWith) return send(this.failWith, { code: 'INTERNAL' });
      if (url.pathname === '/internal/v1/phone-numbers/resolve') {
        const found = this.numbers.get(url.searchParams.get('number') ?? '');
        return found ? send(200, found) : send(404, { code: 'NOT_FOUND' });
      }
      const match = /^\/internal\/v1\/tenants\/([^/]+)\/(snapshot|activity)$/.exec(url.pathname);
      const tenantId = decodeURIComponent(match?.[1] ?? '');
      const snapshot = this.snapshots.get(tenantId);
      if (!match || !snapshot) return send(404, { code: 'NOT_FOUND' });
      if (match[2] === 'snapshot') return send(200, snapshot);
      const language = url.searchParams.get('language');
      return send(200, (language && this.activity.get(`${tenantId}:${language}`)) || this.activity.get(tenantId) || { items: [] });
    });
    // A restart keeps the port, so clients configured with `url` find it again.
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}
