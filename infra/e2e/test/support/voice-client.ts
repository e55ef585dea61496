import { randomBytes } from 'node:crypto';
import { WidgetConfigResponse, type RespondRequest } from '@vocalia/contracts';

/** What a page on `origin` does with voice-api through the edge: GET /config, then POST /respond. */
export interface PageClient {
  origin: string;
  config(tenantId: string): Promise<Response>;
  /** The session token /config hands this origin (fails the test when /config refuses). */
  sessionToken(tenantId: string): Promise<string>;
  respond(token: string, body: Omit<RespondRequest, 'sessionId'> & { sessionId?: string }, opts?: { stream?: boolean }): Promise<Response>;
}

export const newSessionId = () => `sess_${randomBytes(8).toString('hex')}`;

export function pageClient(edgeUrl: string, origin: string): PageClient {
  const config = (tenantId: string) => fetch(`${edgeUrl}/config?tenantId=${encodeURIComponent(tenantId)}`, { headers: { origin } });
  return {
    origin,
    config,
    async sessionToken(tenantId) {
      const res = await config(tenantId);
      if (res.status !== 200) throw new Error(`GET /config from ${origin}: ${res.status} ${await res.text()}`);
      return WidgetConfigResponse.parse(await res.json()).session.token;
    },
    respond: (token, body, opts = {}) =>
      fetch(`${edgeUrl}/respond`, {
        method: 'POST',
        headers: {
          origin,
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: opts.stream ? 'text/event-stream' : 'application/json',
        },
        body: JSON.stringify({ sessionId: newSessionId(), ...body }),
      }),
  };
}

export interface ServerSentEvent {
  event: string;
  data: unknown;
  /** Milliseconds from the start of reading to this event's arrival. */
  atMs: number;
}

/** Reads a text/event-stream body as it arrives, one entry per `event:`/`data:` block. */
export async function readEventStream(res: Response): Promise<ServerSentEvent[]> {
  if (!res.body) throw new Error('no body to read');
  const started = Date.now();
  const events: ServerSentEvent[] = [];
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  let buffer = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffer += decoder.decode(read.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      events.push({ event, data: JSON.parse(data) as unknown, atMs: Date.now() - started });
    }
  }
  return events;
}
