/**
 * The messages the bridge sends for every frame, written as text around JSON-escaped strings: the same
 * JSON as `JSON.stringify` of the object, without building the object (the hot path runs 50 times a
 * second per call in each direction).
 */
export const appendAudio = (audio: string) => `{"type":"input_audio_buffer.append","audio":${JSON.stringify(audio)}}`;

/** The same for audio known to be base64, which JSON never escapes. */
export const appendBase64Audio = (audio: string) => `{"type":"input_audio_buffer.append","audio":"${audio}"}`;

/** `streamSid` is given JSON-escaped (once per call). */
export const twilioMedia = (streamSid: string, payload: string) => `{"event":"media","streamSid":${streamSid},"media":{"payload":${JSON.stringify(payload)}}}`;

export const twilioMark = (streamSid: string, name: string) => `{"event":"mark","streamSid":${streamSid},"mark":{"name":${JSON.stringify(name)}}}`;
