import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { eventually } from '@vocalia/conversation/testing';
import type { WebSocketServer } from 'ws';
import { attachMediaStreams } from '../src/stream/stream-server';
import { FakeRealtime } from './support/fake-realtime';
import { startHarness, type Harness } from './support/harness';
import { MediaClient } from './support/media-client';

let h: Harness;
let rt: FakeRealtime;
let server: Server;
let streams: WebSocketServer;

beforeAll(async () => {
  rt = await new FakeRealtime().start();
  h = await startHarness('metrics', { realtime: { url: rt.url, apiKey: 'sk-test-realtime', model: 'gpt-realtime', voice: 'alloy', transcriptionModel: 'gpt-4o-mini-transcribe', audioFormat: 'pcmu', bargeInMinMs: 150 } });
  server = createServer(h.app);
  streams = attachMediaStreams(server, h.composed.stream!);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of streams.clients) socket.terminate();
  await new Promise((resolve) => streams.close(resolve));
  await new Promise((resolve) => server.close(resolve));
  await rt.stop();
  await h.close();
});

/** `telephony_active_calls` as GET /metrics reports it. */
async function activeCalls(): Promise<number> {
  const text = (await request(h.app).get('/metrics').expect(200)).text;
  return Number(text.split('\n').find((l) => l.startsWith('telephony_active_calls '))?.split(' ')[1]);
}

describe('active calls on /metrics', () => {
  it('when a call media stream is open, then /metrics counts it, and not after the stream closed', async () => {
    expect(await activeCalls()).toBe(0);
    const client = await MediaClient.connect(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/voice/stream`);
    await eventually(async () => expect(await activeCalls()).toBe(1));
    client.close();
    await eventually(async () => expect(await activeCalls()).toBe(0));
  });
});
