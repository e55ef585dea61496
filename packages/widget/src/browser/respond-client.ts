import type { RespondRequest, RespondResponse } from '@vocalia/contracts';
import { defaultFetch, type FetchLike } from './api-client';
import { ApiError, errorFromResponse, networkError, problemToError } from './api-error';
import { SseParser } from './sse-parser';

export interface RespondOptions {
  apiBase: string;
  token: string;
  fetch?: FetchLike;
  /** Ask for `text/event-stream`; ignored when the browser cannot read a response body as a stream. */
  stream: boolean;
  onToken?: (text: string) => void;
  /** Abort when nothing arrives for this long (a whole JSON answer, or the gap between stream chunks). */
  idleTimeoutMs?: number;
  /** Sent as `Idempotency-Key`: a retry of the same message with it gets the first answer, never a second turn. */
  idempotencyKey?: string;
}

/** A fresh Idempotency-Key: 128 random bits (getRandomValues: `crypto.randomUUID` needs a secure page). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `wk_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function canStream(): boolean {
  return typeof ReadableStream !== 'undefined' && typeof TextDecoder !== 'undefined' && typeof Response !== 'undefined' && 'body' in Response.prototype;
}

function asRespondResponse(value: unknown): RespondResponse {
  const body = value as Partial<RespondResponse> | null;
  if (!body || typeof body.answer !== 'string') throw new ApiError(200, 'BAD_RESPONSE', 'The answer has no text');
  return { ...body, actions: Array.isArray(body.actions) ? body.actions : [] } as RespondResponse;
}

function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new ApiError(200, 'BAD_RESPONSE', 'The answer stream sent malformed JSON');
  }
}

async function readEventStream(body: ReadableStream<Uint8Array>, onToken: (text: string) => void, onChunk: () => void): Promise<RespondResponse> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  for (;;) {
    const { value, done } = await reader.read();
    onChunk();
    const events = done ? [...parser.push(decoder.decode()), ...parser.end()] : parser.push(decoder.decode(value, { stream: true }));
    for (const event of events) {
      const data = parseData(event.data);
      if (event.event === 'token') onToken(String((data as { text?: unknown }).text ?? ''));
      if (event.event === 'error') throw problemToError(data, 502);
      if (event.event === 'done') {
        reader.cancel().catch(() => undefined);
        return asRespondResponse(data);
      }
    }
    if (done) throw new ApiError(0, 'STREAM_INCOMPLETE', 'The answer stream ended before its last event');
  }
}

/** POST /respond: streamed (SSE) when possible, plain JSON otherwise; every failure becomes an ApiError. */
export async function postRespond(request: RespondRequest, opts: RespondOptions): Promise<RespondResponse> {
  const stream = opts.stream && canStream();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armTimeout = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), opts.idleTimeoutMs ?? 45_000);
  };
  armTimeout();
  try {
    const res = await (opts.fetch ?? defaultFetch)(`${opts.apiBase}/respond`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: stream ? 'text/event-stream' : 'application/json',
        Authorization: `Bearer ${opts.token}`,
        ...(opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {}),
      },
      body: JSON.stringify(request),
      credentials: 'omit',
      signal: controller.signal,
    });
    if (!res.ok) throw await errorFromResponse(res);
    const isEventStream = (res.headers.get('content-type') ?? '').includes('text/event-stream');
    if (stream && isEventStream && res.body) return await readEventStream(res.body, opts.onToken ?? (() => undefined), armTimeout);
    return asRespondResponse(await res.json());
  } catch (err) {
    throw networkError(err);
  } finally {
    clearTimeout(timer);
  }
}
