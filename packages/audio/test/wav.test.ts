import { mulawWavSamples } from '../src';

/** A WAV as sox writes mu-law: an 18-byte fmt chunk, a fact chunk, then the data. */
function wav(code: number, rate: number, data: Buffer): Buffer {
  const fmt = Buffer.alloc(8 + 18);
  fmt.write('fmt ', 0, 'ascii');
  fmt.writeUInt32LE(18, 4);
  fmt.writeUInt16LE(code, 8);
  fmt.writeUInt16LE(1, 10);
  fmt.writeUInt32LE(rate, 12);
  const fact = Buffer.from('fact\x04\x00\x00\x00\x00\x00\x00\x00', 'latin1');
  const head = Buffer.alloc(8);
  head.write('data', 0, 'ascii');
  head.writeUInt32LE(data.length, 4);
  const body = Buffer.concat([Buffer.from('WAVE', 'ascii'), fmt, fact, head, data]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

describe('mu-law WAV reading', () => {
  it('when the WAV holds 8 kHz mono mu-law, then its samples come back past the fmt and fact chunks', () => {
    const data = Buffer.from([0xff, 0x7f, 0x00, 0x80]);
    expect(mulawWavSamples(wav(7, 8000, data))).toEqual(data);
  });

  it('when it holds another encoding or rate, or is no WAV, then it is refused', () => {
    expect(() => mulawWavSamples(wav(1, 8000, Buffer.alloc(4)))).toThrow('not 8 kHz mono mu-law');
    expect(() => mulawWavSamples(wav(7, 16000, Buffer.alloc(4)))).toThrow('not 8 kHz mono mu-law');
    expect(() => mulawWavSamples(Buffer.from('not a wav at all'))).toThrow('not a WAV file');
  });
});
