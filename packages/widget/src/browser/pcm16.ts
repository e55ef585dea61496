/** PCM16 little-endian mono, the realtime socket's audio format (24 kHz, as the realtime speech models use). */
export const REALTIME_SAMPLE_RATE = 24_000;

export function floatToPcm16(samples: Float32Array): ArrayBuffer {
  const out = new DataView(new ArrayBuffer(samples.length * 2));
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    out.setInt16(i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return out.buffer;
}

export function pcm16ToFloat(buffer: ArrayBuffer): Float32Array {
  const view = new DataView(buffer);
  const out = new Float32Array(Math.floor(buffer.byteLength / 2));
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true) / 0x8000;
  return out;
}

/** `https://host/prefix` -> `wss://host/prefix/realtime?token=...`: the server refuses a bad token or origin at the upgrade. */
export function realtimeUrl(apiBase: string, token: string): string {
  return `${apiBase.replace(/^http/, 'ws')}/realtime?token=${encodeURIComponent(token)}`;
}
