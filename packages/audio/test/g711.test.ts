import fc from 'fast-check';
import { ALAW_DECODE, decodeAlaw, decodeMulaw, encodeAlaw, encodeMulaw, MULAW_DECODE } from '../src';

const laws = [
  { name: 'mu-law', encode: encodeMulaw, decode: decodeMulaw, peak: 32124 },
  { name: 'A-law', encode: encodeAlaw, decode: decodeAlaw, peak: 32256 },
] as const;

const codesOf = (encode: (i: Int16Array, o: Uint8Array) => number, samples: number[]) => {
  const out = new Uint8Array(samples.length);
  encode(Int16Array.from(samples), out);
  return [...out];
};

describe('G.711 reference points', () => {
  it('when the G.711 digital milliwatt is decoded, then it is the 1 kHz sine of the reference (14-bit 2207/5215 mu-law, 13-bit 1120/2624 A-law)', () => {
    const muDmw = [0x1e, 0x0b, 0x0b, 0x1e, 0x9e, 0x8b, 0x8b, 0x9e];
    const aDmw = [0x34, 0x21, 0x21, 0x34, 0xb4, 0xa1, 0xa1, 0xb4];
    expect(muDmw.map((c) => MULAW_DECODE[c])).toEqual([-2207, -5215, -5215, -2207, 2207, 5215, 5215, 2207].map((v) => v * 4));
    expect(aDmw.map((c) => ALAW_DECODE[c])).toEqual([-1120, -2624, -2624, -1120, 1120, 2624, 2624, 1120].map((v) => v * 8));
  });

  it('when silence and full scale are coded, then the codes are the reference ones', () => {
    expect(codesOf(encodeMulaw, [0, -1, 32767, -32768])).toEqual([0xff, 0x7e, 0x80, 0x00]);
    expect([MULAW_DECODE[0xff], MULAW_DECODE[0x7f], MULAW_DECODE[0x80], MULAW_DECODE[0x00]]).toEqual([0, 0, 32124, -32124]);
    expect(codesOf(encodeAlaw, [0, -1, 32767, -32768])).toEqual([0xd5, 0x55, 0xaa, 0x2a]);
    expect([ALAW_DECODE[0xd5], ALAW_DECODE[0x55], ALAW_DECODE[0xaa], ALAW_DECODE[0x2a]]).toEqual([8, -8, 32256, -32256]);
  });

  it('when every code is decoded and encoded again, then it comes back (mu-law negative zero becomes positive zero)', () => {
    const codes = Uint8Array.from({ length: 256 }, (_, c) => c);
    for (const law of laws) {
      const pcm = new Int16Array(256);
      const again = new Uint8Array(256);
      law.decode(codes, pcm);
      law.encode(pcm, again);
      const changed = [...again].flatMap((c, i) => (c === i ? [] : [[i, c]]));
      expect(changed).toEqual(law.name === 'mu-law' ? [[0x7f, 0xff]] : []);
    }
  });

  it('when an output buffer is too short, then it throws instead of writing past it', () => {
    expect(() => encodeMulaw(new Int16Array(160), new Uint8Array(159))).toThrow(RangeError);
    expect(() => decodeAlaw(new Uint8Array(160), new Int16Array(10))).toThrow(RangeError);
  });
});

describe('G.711 round trip (property)', () => {
  const pcm = fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 1, maxLength: 400 }).map((a) => Int16Array.from(a));

  it.each(laws)('when any PCM16 frame goes through $name and back, then each sample is within half a quantization step (at most 1/16 of it, or 16)', (law) => {
    fc.assert(
      fc.property(pcm, (samples) => {
        const codes = new Uint8Array(samples.length);
        const back = new Int16Array(samples.length);
        law.encode(samples, codes);
        law.decode(codes, back);
        samples.forEach((s, i) => {
          const clipped = Math.max(-law.peak, Math.min(law.peak, s));
          expect(Math.abs(back[i]! - clipped)).toBeLessThanOrEqual(Math.max(16, Math.abs(clipped) / 16));
        });
      }),
    );
  });

  it.each(laws)('when a decoded $name frame is encoded again, then the codes are unchanged (coding is idempotent)', (law) => {
    fc.assert(
      fc.property(pcm, (samples) => {
        const codes = new Uint8Array(samples.length);
        const decoded = new Int16Array(samples.length);
        const again = new Uint8Array(samples.length);
        law.encode(samples, codes);
        law.decode(codes, decoded);
        law.encode(decoded, again);
        expect(again).toEqual(codes);
      }),
    );
  });
});
