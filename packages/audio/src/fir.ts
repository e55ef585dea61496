/** Modified Bessel function of the first kind, order 0 (series; used only while designing filters). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50 && term > sum * 1e-12; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

/**
 * A windowed-sinc low-pass prototype (Kaiser window, `beta` 6: about 60 dB stopband given the taps):
 * `length` taps, cutoff in cycles per sample of the rate it runs at, scaled so the taps sum to `gain`.
 */
export function lowPass(length: number, cutoff: number, gain: number, beta = 6): Float64Array {
  const taps = new Float64Array(length);
  const centre = (length - 1) / 2;
  const norm = besselI0(beta);
  let sum = 0;
  for (let j = 0; j < length; j++) {
    const t = j - centre;
    const sinc = t === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
    const r = t / (centre + 0.5);
    taps[j] = (sinc * besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r)))) / norm;
    sum += taps[j]!;
  }
  for (let j = 0; j < length; j++) taps[j] = (taps[j]! * gain) / sum;
  return taps;
}

/** Rounded to the nearest PCM16 value, clipped. */
export function toPcm16(value: number): number {
  const rounded = value >= 0 ? (value + 0.5) | 0 : (value - 0.5) | 0;
  return rounded > 32767 ? 32767 : rounded < -32768 ? -32768 : rounded;
}
