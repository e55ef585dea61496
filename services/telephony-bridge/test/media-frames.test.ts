import { laidOutMediaPayload, mediaPayload } from '../src/stream/media-frames';
import { muLawTone } from './support/media-client';

const payload = muLawTone(3);
/** A media frame as Twilio writes it (field order and spacing of captured frames). */
const twilioFrame = (media: string) => `{"event":"media","sequenceNumber":"12","media":{"track":"inbound","chunk":"11","timestamp":"220","payload":${media}},"streamSid":"MZ18ad3ab5a668481ce02b83e7395059f0"}`;
const parsed = (text: string) => mediaPayload(JSON.parse(text));

describe('media frames read without a parse', () => {
  it("when a media frame is in Twilio's own layout, then its payload is read without a parse, and is the one the parse gives", () => {
    for (const audio of [payload, 'AAAA', 'f39///8=', 'f39/fw==']) {
      const text = twilioFrame(JSON.stringify(audio));
      expect(laidOutMediaPayload(text)).toBe(audio);
      expect(laidOutMediaPayload(text)).toBe(parsed(text));
    }
  });

  it('when a frame differs from that layout in any way, then it is left to the parse (which still judges it)', () => {
    const others = [
      twilioFrame('"a\\/b"'),
      twilioFrame('"not base64!"'),
      twilioFrame('""'),
      twilioFrame('160'),
      `${twilioFrame(`"${payload}"`)} `,
      `${twilioFrame(`"${payload}"`)}{}`,
      twilioFrame(`"${payload}"`).replace('"event":"media",', '"event": "media",'),
      `{"event":"media","sequenceNumber":"12","streamSid":"MZ1","media":{"track":"inbound","chunk":"11","timestamp":"220","payload":"${payload}"}}`,
      `{"event":"mark","sequenceNumber":"12","media":{"track":"inbound","chunk":"11","timestamp":"220","payload":"${payload}"},"streamSid":"MZ1"}`,
      `{"event":"media","sequenceNumber":"12","media":{"track":"inbound","chunk":"11","timestamp":"220","payload":"${payload}"},"streamSid":"MZ1"`,
    ];
    for (const text of others) expect(laidOutMediaPayload(text)).toBeUndefined();
  });
});
