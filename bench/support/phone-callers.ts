/**
 * The load side of `telephony-streams.bench.ts`, in a process of its own so that the measured process
 * holds only the edge and the bridge: N callers speaking the Media Streams protocol at real time
 * (one 20 ms frame of real mu-law speech every 20 ms each) and the realtime model, which echoes
 * every appended frame back as output audio. Driven by the parent over IPC.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { mulawWavSamples } from '@vocalia/audio';
import WebSocket, { WebSocketServer } from 'ws';

export type ToCallers = { type: 'drive'; url: string; calls: { callSid: string; parameters: Record<string, string> }[]; seconds: number; warmupMs: number } | { type: 'exit' };
export type FromCallers =
  | { type: 'model'; url: string }
  | { type: 'measuring' }
  | { type: 'measured' }
  | { type: 'figures'; p50: number; p99: number; frames: number; lost: number; cpuPct: number };

const FRAME_MS = 20;
const FRAME_BYTES = 160;
const send = (m: FromCallers) => process.send?.(m);

/** The caller's words: espeak-ng speech committed with telephony-bridge's tests, cut in 20 ms frames. */
function speechFrames(): string[] {
  const wav = readFileSync(join(__dirname, '..', '..', 'services', 'telephony-bridge', 'test', 'fixtures', 'speech', 'caller-question.wav'));
  const samples = mulawWavSamples(wav);
  const frames: string[] = [];
  for (let at = 0; at + FRAME_BYTES <= samples.length; at += FRAME_BYTES) frames.push(samples.subarray(at, at + FRAME_BYTES).toString('base64'));
  return frames;
}

async function startEchoModel(): Promise<string> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => {
    socket.on('message', (raw) => {
      const event = JSON.parse(raw.toString()) as { type: string; audio?: string };
      if (event.type === 'input_audio_buffer.append') socket.send(JSON.stringify({ type: 'response.output_audio.delta', item_id: 'item_echo', delta: event.audio }));
    });
  });
  return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v1/realtime`;
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function drive(m: Extract<ToCallers, { type: 'drive' }>, frames: string[]): Promise<void> {
  const rtts: number[] = [];
  let sent = 0;
  let measuring = false;
  const sockets = await Promise.all(
    m.calls.map(async ({ callSid, parameters }, index) => {
      const socket = new WebSocket(m.url, { perMessageDeflate: false });
      await new Promise<void>((resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)));
      const streamSid = `MZ${callSid.slice(2)}`;
      const inFlight: { at: number; counted: boolean }[] = [];
      socket.on('message', (raw) => {
        const event = JSON.parse(raw.toString()) as { event: string };
        if (event.event !== 'media') return;
        const frame = inFlight.shift();
        if (frame?.counted) rtts.push(performance.now() - frame.at);
      });
      socket.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
      socket.send(JSON.stringify({ event: 'start', streamSid, start: { streamSid, callSid, accountSid: `AC${'0'.repeat(32)}`, tracks: ['inbound'], customParameters: parameters, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } }));
      let chunk = 0;
      const tick = () => {
        inFlight.push({ at: performance.now(), counted: measuring });
        if (measuring) sent++;
        socket.send(JSON.stringify({ event: 'media', streamSid, media: { track: 'inbound', chunk: String(chunk), timestamp: String(chunk * FRAME_MS), payload: frames[chunk % frames.length] } }));
        chunk++;
      };
      const timers: { interval?: NodeJS.Timeout } = {};
      // Calls start spread over one frame period, as real calls are not in phase.
      const start = setTimeout(() => (tick(), (timers.interval = setInterval(tick, FRAME_MS))), (index * FRAME_MS) / m.calls.length);
      return { socket, stop: () => (clearTimeout(start), clearInterval(timers.interval)) };
    }),
  );
  await new Promise((r) => setTimeout(r, m.warmupMs));
  measuring = true;
  send({ type: 'measuring' });
  const cpu = process.cpuUsage();
  const started = performance.now();
  await new Promise((r) => setTimeout(r, m.seconds * 1000));
  measuring = false;
  send({ type: 'measured' });
  const used = process.cpuUsage(cpu);
  const elapsedMs = performance.now() - started;
  for (const s of sockets) s.stop();
  await new Promise((r) => setTimeout(r, 500));
  for (const s of sockets) s.socket.close();
  rtts.sort((a, b) => a - b);
  send({ type: 'figures', p50: percentile(rtts, 0.5), p99: percentile(rtts, 0.99), frames: rtts.length, lost: sent - rtts.length, cpuPct: ((used.user + used.system) / 1000 / elapsedMs) * 100 });
}

async function main(): Promise<void> {
  const frames = speechFrames();
  send({ type: 'model', url: await startEchoModel() });
  process.on('message', (m: ToCallers) => {
    if (m.type === 'exit') process.exit(0);
    void drive(m, frames);
  });
}

void main();
