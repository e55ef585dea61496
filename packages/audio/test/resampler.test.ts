import fc from 'fast-check';
import { createResampler, pcm16Bytes, pcm16Samples, type SampleRate } from '../src';

const sine = (n: number, rate: number, hz: number, amplitude: number, phase = 0) =>
  Int16Array.from({ length: n }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate + phase)));

/** Runs `signal` through `rates` in frames of the given sizes (cycled), as a stream would arrive. */
function stream(signal: Int16Array, rates: SampleRate[], frames: number[]): Int16Array {
  let current = signal;
  for (let r = 0; r + 1 < rates.length; r++) {
    const resampler = createResampler(rates[r]!, rates[r + 1]!);
    const out: number[] = [];
    for (let at = 0, f = 0; at < current.length; f++) {
      const frame = current.subarray(at, at + frames[f % frames.length]!);
      const buffer = new Int16Array(resampler.outputLength(frame.length));
      resampler.process(frame, buffer);
      out.push(...buffer);
      at += frame.length;
    }
    current = Int16Array.from(out);
  }
  return current;
}

const snrDb = (reference: Int16Array, actual: Int16Array, lag: number, from: number) => {
  let signal = 0;
  let noise = 0;
  for (let i = from; i + lag < actual.length; i++) {
    signal += reference[i]! ** 2;
    noise += (actual[i + lag]! - reference[i]!) ** 2;
  }
  return 10 * Math.log10(signal / Math.max(noise, 1e-9));
};

describe('resampling 8 kHz <-> 16/24 kHz', () => {
  it.each([16000, 24000] as const)('when telephone-band speech goes 8 kHz -> %i Hz -> 8 kHz in any frame sizes, then it comes back 15 samples later with over 35 dB SNR', (rate) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 500, max: 20000 }),
        fc.double({ min: 0, max: 6.28, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }),
        (hz, amplitude, phase, frames) => {
          const input = sine(1600, 8000, hz, amplitude, phase);
          const back = stream(input, [8000, rate, 8000], frames);
          expect(back.length).toBe(input.length);
          expect(snrDb(input, back, 15, 100)).toBeGreaterThan(35);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('when a stream is cut into frames of any sizes, then the output is exactly that of one block', () => {
    const signal = sine(2400, 24000, 440, 12000);
    const whole = stream(signal, [24000, 8000, 16000], [signal.length]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 6 }), (frames) => {
        expect(stream(signal, [24000, 8000, 16000], frames)).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });

  it('when 24 kHz audio holds a tone the 8 kHz line cannot carry, then it is filtered out rather than folded back', () => {
    const folded = stream(sine(4800, 24000, 6000, 16000), [24000, 8000], [480]);
    const power = folded.subarray(100).reduce((sum, v) => sum + v * v, 0) / (folded.length - 100);
    expect(10 * Math.log10(power / (16000 ** 2 / 2))).toBeLessThan(-50);
  });

  it('when the same resampler is reset, then a new stream starts from silence', () => {
    const up = createResampler(8000, 24000);
    const first = new Int16Array(480);
    up.process(sine(160, 8000, 1000, 8000), first);
    up.reset();
    const again = new Int16Array(480);
    up.process(new Int16Array(160), again);
    expect(again.every((v) => v === 0)).toBe(true);
  });

  it('when a rate pair or an output buffer is wrong, then it says so', () => {
    expect(() => createResampler(16000, 24000)).toThrow('16000 Hz -> 24000 Hz is not supported');
    expect(() => createResampler(8000, 24000).process(new Int16Array(160), new Int16Array(479))).toThrow(RangeError);
  });
});

describe('PCM16 bytes', () => {
  it('when bytes sit at an odd offset or have an odd length, then samples are still read right or the length is refused', () => {
    const bytes = new Uint8Array([0, 0x34, 0x12, 0xff, 0xff]);
    expect([...pcm16Samples(bytes.subarray(1))]).toEqual([0x1234, -1]);
    expect(() => pcm16Samples(bytes.subarray(0, 3))).toThrow('even number of bytes');
    expect([...pcm16Bytes(Int16Array.of(0x1234))]).toEqual([0x34, 0x12]);
  });
});
