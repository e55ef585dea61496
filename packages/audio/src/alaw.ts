/**
 * G.711 A-law, bit-exact with the ITU reference (the Sun/CCITT `g711.c`): 13-bit samples, even bits
 * inverted (XOR 0x55), sign bit set for positive samples. Tables built once at load; one lookup per sample.
 */
const SEGMENT_ENDS = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];

function encodeOne(pcm16: number): number {
  let value = pcm16 >> 3;
  let mask = 0xd5;
  if (value < 0) {
    mask = 0x55;
    value = -value - 1;
  }
  const segment = SEGMENT_ENDS.findIndex((end) => value <= end);
  if (segment < 0) return 0x7f ^ mask;
  const mantissa = (value >> (segment < 2 ? 1 : segment)) & 0x0f;
  return ((segment << 4) | mantissa) ^ mask;
}

function decodeOne(code: number): number {
  const value = code ^ 0x55;
  const segment = (value & 0x70) >> 4;
  let magnitude = (value & 0x0f) << 4;
  if (segment === 0) magnitude += 8;
  else magnitude = (magnitude + 0x108) << (segment - 1);
  return value & 0x80 ? magnitude : -magnitude;
}

/** Code -> PCM16. */
export const ALAW_DECODE: Readonly<Int16Array> = Int16Array.from({ length: 256 }, (_, code) => decodeOne(code));
/** 13-bit two's complement sample (`pcm16 >> 3`, masked) -> code. */
const ENCODE = Uint8Array.from({ length: 1 << 13 }, (_, index) => encodeOne(((index << 19) >> 19) << 3));

/** Decodes `input.length` codes into `output` (at least as long); returns the samples written. */
export function decodeAlaw(input: Uint8Array, output: Int16Array): number {
  const n = input.length;
  if (output.length < n) throw new RangeError(`decodeAlaw: output holds ${output.length} samples, needs ${n}`);
  for (let i = 0; i < n; i++) output[i] = ALAW_DECODE[input[i]!]!;
  return n;
}

/** Encodes `input.length` PCM16 samples into `output` (at least as long); returns the codes written. */
export function encodeAlaw(input: Int16Array, output: Uint8Array): number {
  const n = input.length;
  if (output.length < n) throw new RangeError(`encodeAlaw: output holds ${output.length} bytes, needs ${n}`);
  for (let i = 0; i < n; i++) output[i] = ENCODE[(input[i]! >> 3) & 0x1fff]!;
  return n;
}
