/**
 * PCM16 little-endian bytes (a WebSocket frame, a base64-decoded payload) as samples. A view when the
 * bytes sit at an even offset (the usual case), else one copy for the frame. Assumes a little-endian
 * host, as every platform Node ships for is.
 */
export function pcm16Samples(bytes: Uint8Array): Int16Array {
  if (bytes.byteLength % 2 !== 0) throw new RangeError(`PCM16 needs an even number of bytes, got ${bytes.byteLength}`);
  if (bytes.byteOffset % 2 === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  return new Int16Array(bytes.slice().buffer);
}

/** The bytes of PCM16 samples (a view, no copy). */
export function pcm16Bytes(samples: Int16Array): Uint8Array {
  return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
}
