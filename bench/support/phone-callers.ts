/**
 * The callers of `telephony-streams.bench.ts`, in processes of their own so that the measured process
 * holds only the edge and the bridge: calls speaking the Media Streams protocol at real time (one
 * 20 ms frame of real mu-law speech every 20 ms each) that play the audio they get at real time and
 * echo each mark once the audio before it has played, as Twilio does. Driven by the parent over IPC.
 * Timed: each reply chunk, from the send of the frame that completed what the model answers
 * (`phone-reply-shape.ts`) to its arrival; the chunks of a reply arrive in order, so they are matched
 * by count, not content (any model audio format).
 * Kept cheap so that one process drives hundreds of calls: one timer per millisecond slot of the
 * 20 ms period (not one per call), frames built from prepared text and sent unmasked (a zero mask:
 * the server still unmasks), replies recognised and marks echoed by searching the raw bytes (no JSON
 * parse), send times in a ring per call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulawWavSamples } from '@vocalia/audio';
import WebSocket from 'ws';
import { BURST_CHUNKS, FRAMES_PER_REPLY } from './phone-reply-shape';

export interface PlacedCall {
  callSid: string;
  parameters: Record<string, string>;
}
export type ToCallers =
  | { type: 'dial'; url: string; calls: PlacedCall[] }
  | { type: 'measure' }
  | { type: 'stop-measuring' }
  | { type: 'report' }
  | { type: 'hang-up' }
  | { type: 'exit' };
export type FromCallers =
  | { type: 'dialled' }
  | { type: 'failed'; error: string }
  | { type: 'figures'; latencies: number[]; sent: number; frames: number; cpuPct: number }
  | { type: 'hung-up' };

const FRAME_MS = 20;
const FRAME_BYTES = 160;
const OPEN_TIMEOUT_MS = 60_000;
/** Calls dialled at once: hundreds of handshakes in one burst overflow a busy server's accept queue, and the kernel's retries then take a minute. */
const DIAL_BATCH = 25;
/** Replies a call may have in flight; one beyond it is not timed (it would mean seconds of backlog). */
const RING = 64;
/** mu-law at 8 kHz: 8 bytes per millisecond of call audio. */
const MULAW_BYTES_PER_MS = 8;
const MEDIA = Buffer.from('"event":"media"');
const MARK = Buffer.from('"event":"mark"');
const NAME = Buffer.from('"name":"');
const PAYLOAD = Buffer.from('"payload":"');
const QUOTE = 0x22;
const send = (m: FromCallers) => process.send?.(m);

/** The caller's words: espeak-ng speech committed with telephony-bridge's tests, cut in 20 ms frames. */
function speechFrames(): string[] {
  const wav = readFileSync(join(__dirname, '..', '..', 'services', 'telephony-bridge', 'test', 'fixtures', 'speech', 'caller-question.wav'));
  const samples = mulawWavSamples(wav);
  const frames: string[] = [];
  for (let at = 0; at + FRAME_BYTES <= samples.length; at += FRAME_BYTES) frames.push(samples.subarray(at, at + FRAME_BYTES).toString('base64'));
  return frames;
}
const FRAMES = speechFrames();

/** Milliseconds of mu-law audio in the base64 text of `raw` between `from` and `to` (padding counted out). */
function audioMs(raw: Buffer, from: number, to: number): number {
  const padding = (raw[to - 1] === 0x3d ? 1 : 0) + (raw[to - 2] === 0x3d ? 1 : 0);
  return (((to - from) / 4) * 3 - padding) / MULAW_BYTES_PER_MS;
}

/** Figures of the measuring window, shared by every call of this process; `sent` counts the reply chunks due, `frames` the frames sent. */
const window = { measuring: false, sent: 0, frames: 0, latencies: [] as number[], cpu: process.cpuUsage(), started: 0, cpuPct: 0 };

class Call {
  /** Send time of each frame a reply is timed from (negative outside the measuring window: not timed). */
  private readonly repliedAt = new Float64Array(RING);
  private head = 0;
  private tail = 0;
  /** The reply being received: its timing frame's send time and the chunks still to come. */
  private replyAt = 0;
  private chunksLeft = 0;
  private seq = 0;
  private chunk = 0;
  /** When the audio received so far will have played, and the marks waiting for it. */
  private playedAt = 0;
  private readonly marks: { name: string; at: number }[] = [];
  private readonly mediaHead: string;
  private readonly markHead: string;

  constructor(
    readonly socket: WebSocket,
    private readonly streamSid: string,
  ) {
    this.mediaHead = `{"event":"media","streamSid":"${streamSid}","sequenceNumber":"`;
    this.markHead = `{"event":"mark","streamSid":"${streamSid}","sequenceNumber":"`;
    socket.on('message', (raw: Buffer) => this.onMessage(raw));
  }

  start(callSid: string, parameters: Record<string, string>): void {
    const sid = this.streamSid;
    this.socket.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
    const start = { streamSid: sid, callSid, accountSid: `AC${'0'.repeat(32)}`, tracks: ['inbound'], customParameters: parameters, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } };
    this.socket.send(JSON.stringify({ event: 'start', sequenceNumber: String(++this.seq), streamSid: sid, start }));
  }

  /** One 20 ms frame, then the marks whose audio has played by now. */
  tick(now: number): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const chunk = ++this.chunk;
    if (window.measuring) window.frames++;
    if (chunk % FRAMES_PER_REPLY === 0) {
      if (this.head - this.tail < RING) this.repliedAt[this.head++ % RING] = window.measuring ? now : -now;
      if (window.measuring) window.sent += BURST_CHUNKS;
    }
    const payload = FRAMES[chunk % FRAMES.length] as string;
    this.socket.send(`${this.mediaHead}${++this.seq}","media":{"track":"inbound","chunk":"${chunk}","timestamp":"${chunk * FRAME_MS}","payload":"${payload}"}}`);
    for (let mark = this.marks[0]; mark && mark.at <= now; mark = this.marks[0]) {
      this.marks.shift();
      this.socket.send(`${this.markHead}${++this.seq}","mark":{"name":"${mark.name}"}}`);
    }
  }

  private onMessage(raw: Buffer): void {
    const now = performance.now();
    if (raw.indexOf(MEDIA) >= 0) return this.onMedia(raw, now);
    if (raw.indexOf(MARK) < 0) return;
    const from = raw.indexOf(NAME) + NAME.length;
    const to = raw.indexOf(QUOTE, from);
    if (from < NAME.length || to < 0) return;
    this.marks.push({ name: raw.toString('latin1', from, to), at: Math.max(now, this.playedAt) });
  }

  private onMedia(raw: Buffer, now: number): void {
    const from = raw.indexOf(PAYLOAD) + PAYLOAD.length;
    const to = raw.indexOf(QUOTE, from);
    if (from >= PAYLOAD.length && to > from) this.playedAt = Math.max(now, this.playedAt) + audioMs(raw, from, to);
    if (this.chunksLeft === 0) {
      if (this.tail === this.head) return;
      this.replyAt = this.repliedAt[this.tail++ % RING] as number;
      this.chunksLeft = BURST_CHUNKS;
    }
    this.chunksLeft--;
    if (this.replyAt > 0) window.latencies.push(now - this.replyAt);
  }
}

let calls: Call[] = [];
const timers: NodeJS.Timeout[] = [];

function open(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true, generateMask: (mask) => mask.fill(0) });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from ${url} within ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
    socket.once('open', () => (clearTimeout(timer), resolve(socket)));
    socket.once('error', (err) => (clearTimeout(timer), reject(err)));
  });
}

/** Every call connected (a batch at a time, as calls arrive over time), started, then one timer per millisecond slot: calls are spread over the frame period, as real calls are not in phase. */
async function dial(m: Extract<ToCallers, { type: 'dial' }>): Promise<void> {
  const sockets: WebSocket[] = [];
  try {
    for (let at = 0; at < m.calls.length; at += DIAL_BATCH) sockets.push(...(await Promise.all(m.calls.slice(at, at + DIAL_BATCH).map(() => open(m.url)))));
  } catch (err) {
    throw new Error(`${(err as Error).message} (${sockets.length} of ${m.calls.length} open)`);
  }
  calls = m.calls.map(({ callSid, parameters }, i) => {
    const call = new Call(sockets[i] as WebSocket, `MZ${callSid.slice(2)}`);
    call.start(callSid, parameters);
    return call;
  });
  const origin = performance.now();
  for (let slot = 0; slot < FRAME_MS; slot++) {
    const mine = calls.filter((_, i) => i % FRAME_MS === slot);
    if (mine.length === 0) continue;
    // Due times are absolute, as Twilio's clock is: a late timer sends every frame it owes at once instead of drifting behind real time.
    let due = origin + slot;
    const tick = () => {
      const now = performance.now();
      for (; due <= now; due += FRAME_MS) for (const call of mine) call.tick(now);
      timers[slot] = setTimeout(tick, due - performance.now());
    };
    timers[slot] = setTimeout(tick, slot);
  }
}

async function hangUp(): Promise<void> {
  for (const t of timers.splice(0)) clearTimeout(t);
  await Promise.all(
    calls.map(
      ({ socket }) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => (socket.terminate(), resolve()), 2000);
          socket.once('close', () => (clearTimeout(timer), resolve()));
          socket.close();
        }),
    ),
  );
  calls = [];
}

// The bench stopped (or was killed): nothing is left running.
process.on('disconnect', () => process.exit(0));
process.on('message', (m: ToCallers) => {
  switch (m.type) {
    case 'dial':
      window.latencies = [];
      window.sent = 0;
      window.frames = 0;
      return void dial(m).then(
        () => send({ type: 'dialled' }),
        (err: unknown) => send({ type: 'failed', error: err instanceof Error ? err.message : String(err) }),
      );
    case 'measure':
      window.measuring = true;
      window.cpu = process.cpuUsage();
      window.started = performance.now();
      return;
    case 'stop-measuring': {
      window.measuring = false;
      const used = process.cpuUsage(window.cpu);
      window.cpuPct = ((used.user + used.system) / 1000 / (performance.now() - window.started)) * 100;
      return;
    }
    case 'report':
      return void send({ type: 'figures', latencies: window.latencies, sent: window.sent, frames: window.frames, cpuPct: window.cpuPct });
    case 'hang-up':
      return void hangUp().then(() => send({ type: 'hung-up' }));
    case 'exit':
      process.exit(0);
  }
});
