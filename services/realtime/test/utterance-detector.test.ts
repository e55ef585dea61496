import { createUtteranceDetector } from '../src/speech/utterance-detector';
import { createSentenceSplitter } from '../src/speech/sentences';
import { spokenPcm } from '../testing';

const OPTIONS = { endSilenceMs: 600, startSpeechMs: 150, preRollMs: 300, maxUtteranceMs: 10_000, aggressiveness: 2 as const };
const silence = (ms: number) => Buffer.alloc(ms * 48);

function detect(...audio: Buffer[]) {
  const heard = { started: 0, utterances: [] as number[] };
  const detector = createUtteranceDetector(OPTIONS, { speechStarted: () => heard.started++, utterance: (pcm) => heard.utterances.push(Math.round(pcm.length / 48)) });
  // 20 ms frames, as the widget sends them.
  for (const buffer of audio) for (let at = 0; at < buffer.length; at += 960) detector.push(buffer.subarray(at, at + 960));
  detector.close();
  return heard;
}

describe('utterance detection (WebRTC VAD)', () => {
  it('when a visitor says a sentence then stays silent, then one utterance as long as the speech is found', async () => {
    const speech = await spokenPcm('Do you deliver on Sundays?');
    const speechMs = speech.length / 48;
    const heard = detect(silence(500), speech, silence(1000));
    expect(heard.started).toBe(1);
    expect(heard.utterances).toHaveLength(1);
    expect(heard.utterances[0]).toBeGreaterThan(speechMs * 0.7);
    expect(heard.utterances[0]).toBeLessThan(speechMs + 600);
  });

  it('when two sentences are separated by a pause, then two utterances; silence alone or a click is none', async () => {
    const first = await spokenPcm('Hello there.');
    const second = await spokenPcm('What are your opening hours?');
    expect(detect(first, silence(1000), second, silence(1000)).utterances).toHaveLength(2);
    const click = Buffer.alloc(960);
    for (let i = 0; i < 24; i++) click.writeInt16LE(i % 2 ? 20000 : -20000, i * 2);
    expect(detect(silence(2000), click, silence(2000))).toEqual({ started: 0, utterances: [] });
  });
});

describe('sentence splitting', () => {
  it('when an answer is written piece by piece, then each sentence comes out once complete, the rest on flush', () => {
    const out: string[] = [];
    const splitter = createSentenceSplitter((s) => out.push(s));
    for (const piece of ['Yes, we deliver', ' every day. It costs 4.', '50 euros! ', 'Anything ', 'else']) splitter.push(piece);
    expect(out).toEqual(['Yes, we deliver every day.', 'It costs 4.50 euros!']);
    splitter.flush();
    expect(out[2]).toBe('Anything else');
  });
});
