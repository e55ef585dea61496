/**
 * The realtime model of `telephony-streams.bench.ts`, in a process of its own: a WebSocket server
 * speaking the realtime protocol that answers as real realtime models do, in bursts of audio deltas
 * longer than a phone frame (`phone-reply-shape.ts`): the caller's own audio, sent back once a reply's
 * worth of it has arrived. The audio is cut out of the text without a parse (base64 holds no JSON
 * escapes) and the deltas of a reply leave in one write.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { CHUNK_FRAMES, FRAMES_PER_REPLY } from './phone-reply-shape';

export type ToModel = { type: 'cpu-start' } | { type: 'cpu-stop' } | { type: 'exit' };
export type FromModel = { type: 'model'; url: string } | { type: 'cpu'; cpuPct: number };

const APPEND = Buffer.from('"type":"input_audio_buffer.append"');
const AUDIO = Buffer.from('"audio":"');
const QUOTE = 0x22;
const DELTA_HEAD = '{"type":"response.output_audio.delta","item_id":"item_echo","delta":"';

async function main(): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false, skipUTF8Validation: true });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket, req) => {
    let heard: Buffer[] = [];
    socket.on('message', (raw: Buffer) => {
      if (raw.indexOf(APPEND) < 0) return;
      const from = raw.indexOf(AUDIO) + AUDIO.length;
      const to = raw.indexOf(QUOTE, from);
      if (from < AUDIO.length || to < 0) return;
      heard.push(Buffer.from(raw.toString('latin1', from, to), 'base64'));
      if (heard.length < FRAMES_PER_REPLY) return;
      req.socket.cork();
      for (let at = 0; at < heard.length; at += CHUNK_FRAMES) socket.send(`${DELTA_HEAD}${Buffer.concat(heard.slice(at, at + CHUNK_FRAMES)).toString('base64')}"}`);
      process.nextTick(() => req.socket.uncork());
      heard = [];
    });
  });
  let cpu = process.cpuUsage();
  let started = performance.now();
  // The bench stopped (or was killed): nothing is left running.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: ToModel) => {
    if (m.type === 'exit') process.exit(0);
    if (m.type === 'cpu-start') {
      cpu = process.cpuUsage();
      started = performance.now();
      return;
    }
    const used = process.cpuUsage(cpu);
    process.send?.({ type: 'cpu', cpuPct: ((used.user + used.system) / 1000 / (performance.now() - started)) * 100 } satisfies FromModel);
  });
  process.send?.({ type: 'model', url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v1/realtime` } satisfies FromModel);
}

void main();
