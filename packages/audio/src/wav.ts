/** WAVE format code of G.711 mu-law. */
const WAVE_MULAW = 7;

/**
 * The samples of a WAV holding G.711 mu-law at 8 kHz mono (what `sox -r 8000 -c 1 -e mu-law` writes,
 * the audio Twilio streams), without copying; throws naming what does not match.
 */
export function mulawWavSamples(wav: Buffer): Buffer {
  if (wav.length < 12 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let format: { code: number; channels: number; rate: number } | undefined;
  for (let offset = 12; offset + 8 <= wav.length; ) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') format = { code: wav.readUInt16LE(offset + 8), channels: wav.readUInt16LE(offset + 10), rate: wav.readUInt32LE(offset + 12) };
    if (id === 'data') {
      if (format?.code !== WAVE_MULAW || format.channels !== 1 || format.rate !== 8000) throw new Error('not 8 kHz mono mu-law');
      return wav.subarray(offset + 8, Math.min(wav.length, offset + 8 + size));
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}
