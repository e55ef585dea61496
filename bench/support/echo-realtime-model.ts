/**
 * The realtime model of `telephony-streams.bench.ts`, in a process of its own: a WebSocket server
 * speaking the realtime protocol that echoes every `input_audio_buffer.append` as one
 * `response.output_audio.delta`. The audio is cut out of the text and spliced into a prepared
 * message (base64 holds no JSON escapes), so the echo costs no parse and no object per frame.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export type ToModel = { type: 'cpu-start' } | { type: 'cpu-stop' } | { type: 'exit' };
export type FromModel = { type: 'model'; url: string } | { type: 'cpu'; cpuPct: number };

const APPEND = Buffer.from('"type":"input_audio_buffer.append"');
const AUDIO = Buffer.from('"audio":"');
const QUOTE = 0x22;
const DELTA_HEAD = '{"type":"response.output_audio.delta","item_id":"item_echo","delta":"';

async function main(): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false, skipUTF8Validation: true });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => {
    socket.on('message', (raw: Buffer) => {
      if (raw.indexOf(APPEND) < 0) return;
      const from = raw.indexOf(AUDIO) + AUDIO.length;
      const to = raw.indexOf(QUOTE, from);
      if (from < AUDIO.length || to < 0) return;
      socket.send(`${DELTA_HEAD}${raw.toString('latin1', from, to)}"}`);
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
