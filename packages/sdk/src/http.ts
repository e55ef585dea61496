import type { z } from 'zod';
import { toApiError, VocaliaContractError } from './errors';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | Date | undefined | null;

export interface HttpOptions {
  baseUrl: string;
  fetch?: FetchLike;
  /** Sent as `Authorization: Bearer ...`: the access token (dashboard) or an API key (`vk_...`). */
  credential: () => string | undefined;
  headers?: Record<string, string>;
}

export interface RequestSpec<S extends z.ZodType | null> {
  method: HttpMethod;
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A non-JSON body sent as is (e.g. CSV), with its content type; `body` is then ignored. */
  text?: { contentType: string; content: string };
  /** Contract of the 2xx body; null when the route answers 204. */
  response: S;
  /** Send the request without the credential (register, login, refresh, public routes). */
  anonymous?: boolean;
  /** The 2xx body is binary (a call recording): it reaches `response` as a Uint8Array, not as JSON. */
  bytes?: boolean;
  /** Sent as `Idempotency-Key`: the same key on a retry gets the first answer, and the server runs nothing twice. */
  idempotencyKey?: string;
}

/** Per-call options of the routes that take an `Idempotency-Key` (placing a call, inviting someone, buying a number, creating an agent or a knowledge document, sending a test event, replaying a delivery). */
export interface IdempotentOptions {
  /** Reuse it when retrying the same request; a new request needs a new key. */
  idempotencyKey?: string;
}

export type HttpResult<S extends z.ZodType | null> = S extends z.ZodType ? z.output<S> : void;

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The transport: JSON in, contract-checked JSON out, VocaliaApiError for anything not 2xx. */
export function createHttp(opts: HttpOptions) {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  return async function request<S extends z.ZodType | null>(spec: RequestSpec<S>): Promise<HttpResult<S>> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    const credential = spec.anonymous ? undefined : opts.credential();
    if (credential) headers.authorization = `Bearer ${credential}`;
    if (spec.idempotencyKey) headers['idempotency-key'] = spec.idempotencyKey;
    const payload = spec.text ? spec.text.content : spec.body === undefined ? undefined : JSON.stringify(spec.body);
    if (payload !== undefined) headers['content-type'] = spec.text ? spec.text.contentType : 'application/json';
    const url = `${baseUrl}${spec.path}${queryString(spec.query)}`;
    const res = await doFetch(url, { method: spec.method, headers, body: payload });
    const body = spec.bytes && res.ok ? new Uint8Array(await res.arrayBuffer()) : await readBody(res);
    if (!res.ok) throw toApiError(res.status, res.statusText, body, res.headers.get('x-request-id'));
    if (spec.response === null) return undefined as HttpResult<S>;
    const parsed = spec.response.safeParse(body);
    if (!parsed.success) throw new VocaliaContractError(spec.path, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
    return parsed.data as HttpResult<S>;
  };
}

export type HttpRequest = ReturnType<typeof createHttp>;
