import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { createEdge, type Edge } from '@vocalia/launcher';
import { callParams } from './support/call-params';
import { newCallSid } from './support/fake-twilio-rest';
import { AUTH_TOKEN, startHarness, type Harness } from './support/harness';

const ACME = { id: 'acme', number: '+212522000041' };
let h: Harness;
let server: Server;
const edges: Edge[] = [];

async function edgeTo(trustForwardedHeaders: boolean): Promise<string> {
  const port = (server.address() as AddressInfo).port;
  const edge = createEdge(
    {
      routes: [{ router: 'telephony-bridge', priority: 100, matchers: [{ type: 'prefix', path: '/voice/' }], action: { kind: 'proxy', service: 'telephony-bridge', port } }],
      services: [{ name: 'telephony-bridge', port }],
    },
    { upstreamHost: '127.0.0.1', trustForwardedHeaders },
  );
  edges.push(edge);
  return `http://127.0.0.1:${await edge.listen(0, '127.0.0.1')}`;
}

beforeAll(async () => {
  h = await startHarness('edge');
  h.addTenant(ACME);
  server = createServer(h.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await Promise.all(edges.map((e) => e.close(100)));
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

/** A form POST as Twilio sends it, signed over `signedUrl`, sent to `edgeUrl`. */
function post(edgeUrl: string, path: string, signedUrl: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${edgeUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, signedUrl, params), ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

describe('through the edge', () => {
  it('when Twilio calls the edge, then the signature over the URL it called is accepted and a whole call runs, from ringing to completed', async () => {
    const edge = await edgeTo(false);
    const callSid = newCallSid();
    const greeting = await post(edge, '/voice/inbound', `${edge}/voice/inbound`, callParams(callSid, ACME.number, { CallStatus: 'ringing' }));
    expect(greeting.status).toBe(200);
    expect(await greeting.text()).toContain('<Gather');
    const turn = await post(edge, '/voice/turn', `${edge}/voice/turn`, callParams(callSid, ACME.number, { SpeechResult: 'What are your opening hours?' }));
    expect(await turn.text()).toContain('9:00');
    const done = await post(edge, '/voice/status', `${edge}/voice/status`, callParams(callSid, ACME.number, { CallStatus: 'completed', CallDuration: '31' }));
    expect(done.status).toBe(204);
    const ended = (await h.jobs('call-events')).filter((j) => j.data.callSid === callSid && j.data.type === 'call.completed');
    expect(ended).toHaveLength(1);
  });

  it('when a tunnel in front of the edge received the https URL Twilio signed, then that URL is the one checked; signed over any other, 403', async () => {
    const edge = await edgeTo(true);
    const tunnel = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'calls.tunnel.example' };
    const params = callParams(newCallSid(), ACME.number, { CallStatus: 'ringing' });
    expect((await post(edge, '/voice/inbound', 'https://calls.tunnel.example/voice/inbound', params, tunnel)).status).toBe(200);
    expect((await post(edge, '/voice/inbound', `${edge}/voice/inbound`, params, tunnel)).status).toBe(403);
  });
});
