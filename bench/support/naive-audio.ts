/**
 * The baseline of `audio.bench.ts`: G.711 mu-law and resampling as they are often first written,
 * with Math per sample and new arrays per frame. Not bit-exact G.711 (continuous mu-law curve).
 */
const MU = 255;
const LOG_1_MU = Math.log(1 + MU);

export function naiveDecodeMulaw(codes: Uint8Array): number[] {
  return Array.from(codes, (code) => {
    const inverted = ~code & 0xff;
    const y = ((inverted & 0x7f) / 127) * (inverted & 0x80 ? -1 : 1);
    return Math.round((Math.sign(y) * (Math.pow(1 + MU, Math.abs(y)) - 1) * 32767) / MU);
  });
}

export function naiveEncodeMulaw(samples: number[]): Uint8Array {
  return Uint8Array.from(
    samples.map((s) => {
      const x = Math.max(-1, Math.min(1, s / 32767));
      const y = (Math.sign(x) * Math.log(1 + MU * Math.abs(x))) / LOG_1_MU;
      const code = Math.round(Math.abs(y) * 127) | (y < 0 ? 0x80 : 0);
      return ~code & 0xff;
    }),
  );
}

/** Linear interpolation between neighbours. */
export function naiveUpsample(samples: number[], factor: number): number[] {
  const out: number[] = [];
  samples.forEach((s, i) => {
    const next = samples[i + 1] ?? s;
    for (let p = 0; p < factor; p++) out.push(Math.round(s + ((next - s) * p) / factor));
  });
  return out;
}

/** The mean of each group of `factor` samples. */
export function naiveDownsample(samples: number[], factor: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + factor <= samples.length; i += factor) out.push(Math.round(samples.slice(i, i + factor).reduce((a, b) => a + b, 0) / factor));
  return out;
}
