/**
 * G.711 mu-law, bit-exact with the ITU reference (the Sun/CCITT `g711.c`): 14-bit magnitude, bias 33,
 * sign bit set for positive samples, all bits inverted. The tables are built once at load; encoding
 * and decoding are then one lookup per sample.
 */
const BIAS = 0x84;
const CLIP = 8159;
const SEGMENT_ENDS = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff];

function encodeOne(pcm16: number): number {
  let value = pcm16 >> 2;
  let mask = 0xff;
  if (value < 0) {
    value = -value;
    mask = 0x7f;
  }
  value = Math.min(value, CLIP) + (BIAS >> 2);
  const segment = SEGMENT_ENDS.findIndex((end) => value <= end);
  if (segment < 0) return 0x7f ^ mask;
  return (((segment << 4) | ((value >> (segment + 1)) & 0x0f)) ^ mask) & 0xff;
}

function decodeOne(code: number): number {
  const inverted = ~code & 0xff;
  const magnitude = ((((inverted & 0x0f) << 3) + BIAS) << ((inverted & 0x70) >> 4)) - BIAS;
  return inverted & 0x80 ? -magnitude : magnitude;
}

/** Code -> PCM16. */
export const MULAW_DECODE: Readonly<Int16Array> = Int16Array.from({ length: 256 }, (_, code) => decodeOne(code));
/** 14-bit two's complement sample (`pcm16 >> 2`, masked) -> code. */
const ENCODE = Uint8Array.from({ length: 1 << 14 }, (_, index) => encodeOne(((index << 18) >> 18) << 2));

/** Decodes `input.length` codes into `output` (at least as long); returns the samples written. */
export function decodeMulaw(input: Uint8Array, output: Int16Array): number {
  const n = input.length;
  if (output.length < n) throw new RangeError(`decodeMulaw: output holds ${output.length} samples, needs ${n}`);
  for (let i = 0; i < n; i++) output[i] = MULAW_DECODE[input[i]!]!;
  return n;
}

/** Encodes `input.length` PCM16 samples into `output` (at least as long); returns the codes written. */
export function encodeMulaw(input: Int16Array, output: Uint8Array): number {
  const n = input.length;
  if (output.length < n) throw new RangeError(`encodeMulaw: output holds ${output.length} bytes, needs ${n}`);
  for (let i = 0; i < n; i++) output[i] = ENCODE[(input[i]! >> 2) & 0x3fff]!;
  return n;
}
