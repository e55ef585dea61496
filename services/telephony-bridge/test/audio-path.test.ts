import { decodeMulaw, pcm16Samples } from '@vocalia/audio';
import { audioPath } from '../src/stream/audio-path';
import { sessionUpdate } from '../src/stream/realtime-config';
import { muLawTone } from './support/media-client';

const rms = (samples: Int16Array) => Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);

describe('audio between the call and the model', () => {
  it('when the model takes mu-law, then frames pass through untouched and 160 bytes count as 20 ms', () => {
    const path = audioPath('pcmu');
    const frame = muLawTone(3);
    expect(path.toModel(frame)).toBe(frame);
    expect(path.fromModel(frame)).toEqual({ payload: frame, ms: 20 });
  });

  it('when the model takes PCM16, then a 20 ms call frame becomes 480 samples at 24 kHz and the model audio comes back as 160 mu-law bytes (20 ms), the tone kept', () => {
    const path = audioPath('pcm16');
    const frames = Array.from({ length: 10 }, (_, i) => muLawTone(i));
    const up = frames.map((f) => pcm16Samples(Buffer.from(path.toModel(f), 'base64')));
    expect(up.every((s) => s.length === 480)).toBe(true);
    const input = new Int16Array(160);
    decodeMulaw(Buffer.from(frames[9]!, 'base64'), input);
    expect(rms(up[9]!)).toBeGreaterThan(rms(input) * 0.8);
    expect(rms(up[9]!)).toBeLessThan(rms(input) * 1.2);

    const back = up.map((s) => path.fromModel(Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('base64')));
    expect(back.every((b) => b.ms === 20 && Buffer.byteLength(b.payload, 'base64') === 160)).toBe(true);
    const output = new Int16Array(160);
    decodeMulaw(Buffer.from(back[9]!.payload, 'base64'), output);
    expect(rms(output)).toBeGreaterThan(rms(input) * 0.8);
  });

  it('when the session is set up, then both directions name the same format', () => {
    const base = { url: 'wss://x', apiKey: 'k', model: 'm', voice: 'alloy', transcriptionModel: 't', bargeInMinMs: 0 };
    expect(sessionUpdate({ ...base, audioFormat: 'pcm16' }, 'i', []).session.audio.input.format).toEqual({ type: 'audio/pcm', rate: 24000 });
    expect(sessionUpdate({ ...base, audioFormat: 'pcmu' }, 'i', []).session.audio.output.format).toEqual({ type: 'audio/pcmu' });
  });
});
