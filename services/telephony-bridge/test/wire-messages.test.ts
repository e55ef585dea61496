import { appendAudio, appendBase64Audio, twilioMark, twilioMedia } from '../src/stream/wire-messages';
import { muLawTone } from './support/media-client';

/** Text a hand-built message must escape exactly as JSON.stringify does. */
const AWKWARD = ['', muLawTone(1), 'a"b', 'back\\slash', 'line\nbreak', 'tab\tand\u0001control', 'émoji 📞', '</script>', '\u2028'];

describe('per-frame messages written as text', () => {
  it('when any string goes into the model append or the Twilio media and mark, then the text is exactly JSON.stringify of the message', () => {
    for (const text of AWKWARD) {
      const sid = `MZ${text}`;
      expect(appendAudio(text)).toBe(JSON.stringify({ type: 'input_audio_buffer.append', audio: text }));
      expect(twilioMedia(JSON.stringify(sid), text)).toBe(JSON.stringify({ event: 'media', streamSid: sid, media: { payload: text } }));
      expect(twilioMark(JSON.stringify(sid), text)).toBe(JSON.stringify({ event: 'mark', streamSid: sid, mark: { name: text } }));
    }
  });

  it('when base64 audio goes into the model append unescaped, then the text is still exactly JSON.stringify of the message', () => {
    for (const audio of ['', muLawTone(1), 'f39/fw==', Buffer.from([0xfb, 0xff, 0xbf]).toString('base64')]) {
      expect(appendBase64Audio(audio)).toBe(JSON.stringify({ type: 'input_audio_buffer.append', audio }));
    }
  });
});
