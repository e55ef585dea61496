import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachMediaStreams, type MediaStreams } from '../../src/stream/stream-server';
import type { RealtimeConfig } from '../../src/stream/realtime-config';
import { callParams } from './call-params';
import { newCallSid } from './fake-twilio-rest';
import { FakeRealtime, type VadOptions } from './fake-realtime';
import { startHarness, type Harness } from './harness';
import { MediaClient } from './media-client';
import type { PhoneTenant } from './fixtures';

export interface StreamHarness {
  h: Harness;
  rt: FakeRealtime;
  streamUrl: string;
  /** The media streams server, as main.ts holds it (a leaving replica hands its calls over through it). */
  streams: MediaStreams;
  /** Answer a call to `number` in streaming mode and read the `<Parameter>`s Twilio would pass to the stream. */
  answer(number: string): Promise<{ callSid: string; parameters: Record<string, string>; twiml: string }>;
  /** Open `/voice/stream` as Twilio does for that call. */
  streamFor(callSid: string, parameters: Record<string, string>, streamSid?: string): Promise<MediaClient>;
  close(): Promise<void>;
}

/** telephony-bridge in streaming mode: the harness, `/voice/stream` on a real HTTP server, a local realtime model. */
export async function startStreamHarness(name: string, tenants: PhoneTenant[], realtime: Partial<RealtimeConfig> = {}, vad?: VadOptions): Promise<StreamHarness> {
  const rt = await new FakeRealtime(vad).start();
  const h = await startHarness(name, {
    realtime: { url: rt.url, apiKey: 'sk-test-realtime', model: 'gpt-realtime', voice: 'alloy', transcriptionModel: 'gpt-4o-mini-transcribe', audioFormat: 'pcmu', bargeInMinMs: 150, ...realtime },
  });
  for (const tenant of tenants) h.addTenant(tenant);
  const server: Server = createServer(h.app);
  const streams = attachMediaStreams(server, h.composed.stream!);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const streamUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/voice/stream`;
  return {
    h,
    rt,
    streamUrl,
    streams,
    async answer(number) {
      const callSid = newCallSid();
      const res = await h.twilio('/voice/inbound', callParams(callSid, number, { CallStatus: 'ringing' })).expect(200);
      const parameters = Object.fromEntries([...res.text.matchAll(/<Parameter name="(\w+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
      return { callSid, parameters, twiml: res.text };
    },
    async streamFor(callSid, parameters, streamSid = `MZ${callSid.slice(2)}`) {
      const client = await MediaClient.connect(streamUrl);
      client.start(streamSid, callSid, parameters);
      return client;
    },
    async close() {
      for (const socket of streams.clients) socket.terminate();
      await new Promise((resolve) => streams.close(resolve));
      await new Promise((resolve) => server.close(resolve));
      await rt.stop();
      await h.close();
    },
  };
}
