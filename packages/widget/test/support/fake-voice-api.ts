import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RespondRequest, RespondResponse, SocialProofResponse, WidgetConfigResponse } from '@vocalia/contracts';
import type { WidgetBundle } from '../../src';
import { sendJson, sendProblem } from './problem-response';
import { attachFakeRealtime, type RealtimeLog } from './fake-realtime';
import { streamAnswer } from './sse-writer';

export interface FakeTenant {
  config: Omit<WidgetConfigResponse, 'session'>;
  allowedOrigins: string[];
  socialProof?: SocialProofResponse['items'];
}

export type Answer = (request: RespondRequest) => RespondResponse;

export interface FakeVoiceApi {
  url: string;
  /** Every request seen: method, path, query string, origin, accept, authorization. */
  log: Array<{ method: string; path: string; query: string; origin?: string; accept?: string; authorization?: string; idempotencyKey?: string; body?: RespondRequest }>;
  /** `ok`, or make /respond fail: the connection is dropped, a 503 problem, or voice-api's 402 for a used-up monthly quota. */
  respondMode: 'ok' | 'network-error' | 'server-error' | 'quota-exceeded';
  /** The next this many /respond requests get a 502, as Traefik answers when a replica went away mid-request. */
  failNext?: number;
  /** Then this many get voice-api's 409: an earlier attempt with the key is still being answered. */
  conflictNext?: number;
  /** Milliseconds between streamed tokens. */
  tokenDelayMs: number;
  realtime: RealtimeLog;
  close(): Promise<void>;
}

interface Token {
  tenantId: string;
  origin: string;
  expiresAt: number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local voice-api speaking the contracts of packages/contracts/src/http/voice-api.ts: the widget
 * bundle, /config (session token bound to tenant + origin), /respond (JSON or SSE), /social-proof,
 * per-origin CORS (the Origin is echoed when allowed; errors are readable so the widget can explain).
 */
export async function startFakeVoiceApi(tenants: FakeTenant[], bundle: WidgetBundle, answer: Answer): Promise<FakeVoiceApi> {
  const tokens = new Map<string, Token>();
  const byId = new Map(tenants.map((t) => [t.config.tenantId, t]));
  const realtime: RealtimeLog = { refused: [], starts: [], audioFrames: 0, oddFrames: 0, stops: 0, overloadedClosed: 0 };
  const api: FakeVoiceApi = { url: '', log: [], respondMode: 'ok', tokenDelayMs: 40, realtime, close: async () => undefined };

  /** 400 without a tenant id, 404 for an unknown one (as voice-api's resolveTenant). */
  const findTenant = (res: ServerResponse, tenantId: string | null, where: string, instance: string): FakeTenant | undefined => {
    if (!tenantId) return void sendProblem(res, 'VALIDATION_FAILED', `${where}.tenantId: required`, instance, { errors: [{ path: `${where}.tenantId`, message: 'required' }] });
    const tenant = byId.get(tenantId);
    if (!tenant) sendProblem(res, 'NOT_FOUND', `No tenant with id ${JSON.stringify(tenantId)}. Copy the tenant id from Dashboard > Install widget.`, instance);
    return tenant;
  };
  /** A browser call must come from an allowed origin; /config also needs one (the token is bound to it). */
  function originAllowed(res: ServerResponse, tenant: FakeTenant, origin: string | undefined, instance: string): origin is string {
    if (origin && tenant.allowedOrigins.includes(origin)) return true;
    const id = tenant.config.tenantId;
    const detail = origin
      ? `The origin ${origin} is not allowed for tenant ${id}. Add ${origin} in Dashboard > Settings > Allowed origins, or POST /api/v1/origins.`
      : "GET /config is for the widget on a web page: send the page's Origin header.";
    sendProblem(res, 'ORIGIN_NOT_ALLOWED', detail, instance);
    return false;
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const origin = req.headers.origin;
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    const entry: FakeVoiceApi['log'][number] = { method: req.method ?? 'GET', path: url.pathname, query: url.search, origin, accept: req.headers.accept, authorization: req.headers.authorization, ...(idempotencyKey ? { idempotencyKey } : {}) };
    api.log.push(entry);
    if (origin) res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      if (origin) res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-Request-Id, Accept, Idempotency-Key');
      res.setHeader('Access-Control-Max-Age', '600');
      res.statusCode = 204;
      return res.end();
    }
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, X-Request-Id');
    }
    const bundlePath = /^\/widget\/v1(?:\.([0-9a-f]{12}))?\/vocalia\.js$/.exec(url.pathname);
    if (req.method === 'GET' && bundlePath && (!bundlePath[1] || bundlePath[1] === bundle.hash)) {
      res.setHeader('Content-Type', bundle.contentType);
      res.setHeader('Cache-Control', bundlePath[1] ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      return res.end(bundle.code);
    }
    if (req.method === 'GET' && (url.pathname === '/config' || url.pathname === '/social-proof')) {
      const tenant = findTenant(res, url.searchParams.get('tenantId'), 'query', req.url ?? '');
      if (!tenant || !originAllowed(res, tenant, origin, req.url ?? '')) return;
      if (url.pathname === '/social-proof') return sendJson(res, 200, SocialProofResponse.parse({ items: tenant.socialProof ?? [] }));
      const token = `wt_${randomBytes(16).toString('hex')}`;
      const expiresAt = Date.now() + 10 * 60_000;
      tokens.set(token, { tenantId: tenant.config.tenantId, origin, expiresAt });
      return sendJson(res, 200, WidgetConfigResponse.parse({ ...tenant.config, session: { token, expiresAt: new Date(expiresAt).toISOString() } }));
    }
    if (req.method === 'POST' && url.pathname === '/respond') {
      let json: unknown;
      try {
        json = JSON.parse(await readBody(req));
      } catch {
        return sendProblem(res, 'BAD_JSON', 'Malformed JSON body', '/respond');
      }
      const parsed = RespondRequest.safeParse(json);
      if (!parsed.success) return sendProblem(res, 'VALIDATION_FAILED', 'Invalid request body', '/respond', { errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      const tenant = findTenant(res, parsed.data.tenantId, 'body', '/respond');
      if (!tenant || (origin !== undefined && !originAllowed(res, tenant, origin, '/respond'))) return;
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const session = bearer ? tokens.get(bearer) : undefined;
      if (!session || session.expiresAt < Date.now()) return sendProblem(res, 'UNAUTHENTICATED', 'The widget session token is not valid. Get a fresh one from GET /config?tenantId=<your tenant id>.', '/respond');
      if (session.tenantId !== parsed.data.tenantId) return sendProblem(res, 'FORBIDDEN', 'This session token belongs to another tenant.', '/respond');
      if (origin !== undefined && session.origin !== origin) return sendProblem(res, 'FORBIDDEN', `This session token was issued to ${session.origin}, not to ${origin}.`, '/respond');
      const feature = parsed.data.context?.channel === 'voice' ? 'widget_voice' : 'widget_text';
      if (!tenant.config.features.includes(feature)) return sendProblem(res, 'PLAN_REQUIRED', `The channel needs the ${feature} feature.`, '/respond', { feature });
      entry.body = parsed.data;
      if (api.respondMode === 'network-error') return req.socket.destroy();
      if (api.failNext) {
        api.failNext--;
        return sendProblem(res, 'UPSTREAM_FAILED', 'Bad Gateway', '/respond');
      }
      if (api.conflictNext) {
        api.conflictNext--;
        return sendProblem(res, 'CONFLICT', 'A request with this Idempotency-Key is still being answered; retry in a moment.', '/respond');
      }
      if (api.respondMode === 'server-error') return sendProblem(res, 'UNAVAILABLE', 'The conversation engine is unavailable', '/respond');
      if (api.respondMode === 'quota-exceeded') return sendProblem(res, 'QUOTA_EXCEEDED', "This assistant has used its plan's monthly conversations. The account owner can upgrade in Dashboard > Billing.", '/respond');
      const response = RespondResponse.parse(answer(parsed.data));
      if ((req.headers.accept ?? '').includes('text/event-stream')) return streamAnswer(res, response, api.tokenDelayMs);
      return sendJson(res, 200, response);
    }
    return sendProblem(res, 'NOT_FOUND', `No route for ${req.method} ${url.pathname}`, req.url ?? '');
  };

  const server = createServer((req, res) => void handle(req, res));
  attachFakeRealtime(
    server,
    (token) => {
      const session = typeof token === 'string' ? tokens.get(token) : undefined;
      return session && session.expiresAt > Date.now() ? session : undefined;
    },
    realtime,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return api;
}
