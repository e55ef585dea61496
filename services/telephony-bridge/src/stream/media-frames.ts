import { z } from 'zod';

/** Twilio Media Streams messages (JSON text frames) the bridge reads. */
export const TwilioStreamMessage = z.discriminatedUnion('event', [
  z.object({ event: z.literal('connected') }).loose(),
  z.object({
    event: z.literal('start'),
    streamSid: z.string().optional(),
    start: z.object({
      streamSid: z.string(),
      callSid: z.string(),
      customParameters: z.record(z.string(), z.string()).default({}),
      mediaFormat: z.object({ encoding: z.string(), sampleRate: z.number(), channels: z.number() }).loose(),
    }).loose(),
  }).loose(),
  z.object({ event: z.literal('media'), media: z.object({ payload: z.string().min(1), track: z.string().optional() }).loose() }).loose(),
  z.object({ event: z.literal('mark'), mark: z.object({ name: z.string() }) }).loose(),
  z.object({ event: z.literal('dtmf'), dtmf: z.object({ digit: z.string() }).loose() }).loose(),
  z.object({ event: z.literal('stop') }).loose(),
]);
export type TwilioStreamMessage = z.infer<typeof TwilioStreamMessage>;

/** Realtime model server events the bridge acts on (others are ignored). */
export const RealtimeEvent = z.object({
  type: z.string(),
  item_id: z.string().optional(),
  delta: z.string().optional(),
  transcript: z.string().optional(),
  /** `response.function_call_arguments.done`: which call, which function, its JSON arguments. */
  call_id: z.string().optional(),
  name: z.string().optional(),
  arguments: z.string().optional(),
  error: z.object({ message: z.string().optional() }).loose().optional(),
}).loose();
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A Twilio `media` frame's payload, checked by hand (the per-frame path skips the schema); undefined for any other frame. */
export function mediaPayload(data: unknown): string | undefined {
  if (!isRecord(data) || data.event !== 'media' || !isRecord(data.media)) return undefined;
  const { payload } = data.media;
  return typeof payload === 'string' && payload.length > 0 ? payload : undefined;
}

/**
 * A media frame laid out exactly as Twilio sends it (event, sequenceNumber, media {track, chunk,
 * timestamp, payload}, streamSid; base64 payload). Such text is valid JSON whose parse gives the same
 * payload, so a live call's frames skip the parse; any other text, even an equivalent one, takes it.
 */
const TWILIO_MEDIA_LAYOUT = /^\{"event":"media","sequenceNumber":"\d{1,12}","media":\{"track":"[a-z_]{1,16}","chunk":"\d{1,12}","timestamp":"\d{1,15}","payload":"([A-Za-z0-9+/]+={0,2})"\},"streamSid":"[A-Za-z0-9]{1,64}"\}$/;

/** The base64 payload of a media frame in Twilio's own layout, read without a parse; undefined for any other text. */
export function laidOutMediaPayload(text: string): string | undefined {
  return TWILIO_MEDIA_LAYOUT.exec(text)?.[1];
}

/** A model audio delta (GA or beta name) with its item, checked by hand; undefined for any other event. */
export function audioDelta(data: unknown): { itemId: string; delta: string } | undefined {
  if (!isRecord(data) || (data.type !== 'response.output_audio.delta' && data.type !== 'response.audio.delta')) return undefined;
  const { item_id: itemId, delta } = data;
  return typeof itemId === 'string' && itemId && typeof delta === 'string' && delta ? { itemId, delta } : undefined;
}

/** A Twilio `mark` echo's name, checked by hand as the schema would (a string name); undefined for any other frame. */
export function markName(data: unknown): string | undefined {
  if (!isRecord(data) || data.event !== 'mark' || !isRecord(data.mark)) return undefined;
  const { name } = data.mark;
  return typeof name === 'string' ? name : undefined;
}
