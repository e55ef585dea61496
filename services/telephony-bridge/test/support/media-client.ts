import WebSocket from 'ws';

/** A client speaking Twilio's Media Streams protocol to `/voice/stream`. */
export class MediaClient {
  readonly received: Record<string, unknown>[] = [];
  closed: { code: number; reason: string } | undefined;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => this.received.push(JSON.parse(raw.toString()) as Record<string, unknown>));
    socket.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async connect(url: string): Promise<MediaClient> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new MediaClient(socket);
  }

  send(message: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  start(streamSid: string, callSid: string, customParameters: Record<string, string>): void {
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.send({
      event: 'start',
      sequenceNumber: '1',
      start: { streamSid, accountSid: `AC${'1'.repeat(32)}`, callSid, tracks: ['inbound'], customParameters, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } },
      streamSid,
    });
  }

  /** A media frame in Twilio's own field order (the bridge's fast path reads that layout). */
  media(streamSid: string, payload: string, chunk: number): void {
    this.send({ event: 'media', sequenceNumber: String(chunk + 1), media: { track: 'inbound', chunk: String(chunk), timestamp: String(chunk * 20), payload }, streamSid });
  }

  of(event: string): Record<string, unknown>[] {
    return this.received.filter((m) => m.event === event);
  }

  close(): void {
    this.socket.close();
  }
}

/** 20 ms of a tone as G.711 mu-law (8 kHz), base64, as Twilio frames it. */
export function muLawTone(frame: number, hz = 440): string {
  const samples = Buffer.alloc(160);
  for (let i = 0; i < 160; i++) {
    const t = (frame * 160 + i) / 8000;
    samples[i] = muLaw(Math.round(Math.sin(2 * Math.PI * hz * t) * 8000));
  }
  return samples.toString('base64');
}

/** ITU-T G.711 mu-law encoding of one 16-bit sample. */
function muLaw(sample: number): number {
  const BIAS = 0x84;
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(sample), 32635) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = ~(sign | (exponent << 4) | mantissa);
  return magnitude & 0xff;
}
