import { z } from 'zod';

/** The form parameters of Twilio's voice webhooks that telephony-bridge reads (Twilio sends more). */
export const CallParams = z.object({
  CallSid: z.string().regex(/^CA[0-9a-zA-Z]{32}$/, 'a CA... call SID'),
  AccountSid: z.string().min(1),
  From: z.string().default(''),
  To: z.string().default(''),
  CallStatus: z.string().min(1),
  Direction: z.string().default('inbound'),
});

export type CallParams = z.infer<typeof CallParams>;

export const InboundCallParams = CallParams;
export type InboundCallParams = z.infer<typeof InboundCallParams>;

/** A `<Gather>` action: what the caller said (SpeechResult) or typed (Digits); both absent on silence. */
export const GatherParams = CallParams.extend({
  SpeechResult: z.string().trim().max(2000).optional(),
  Digits: z.string().regex(/^[0-9*#]{0,32}$/).optional(),
  Confidence: z.coerce.number().optional(),
});
export type GatherParams = z.infer<typeof GatherParams>;

export const StatusParams = CallParams.extend({
  CallDuration: z.coerce.number().int().nonnegative().optional(),
  Timestamp: z.string().optional(),
});
export type StatusParams = z.infer<typeof StatusParams>;

/** `<Dial action>`: how the transfer leg ended (`completed`, `busy`, `no-answer`, `failed`, `canceled`). */
export const DialResultParams = CallParams.extend({
  DialCallStatus: z.string().min(1),
  DialCallDuration: z.coerce.number().int().nonnegative().optional(),
});
export type DialResultParams = z.infer<typeof DialResultParams>;

export const RecordingParams = z.object({
  CallSid: CallParams.shape.CallSid,
  AccountSid: z.string().min(1),
  RecordingSid: z.string().regex(/^RE[0-9a-zA-Z]{32}$/, 'an RE... recording SID'),
  RecordingUrl: z.url(),
  RecordingStatus: z.string().min(1),
  RecordingDuration: z.coerce.number().int().nonnegative().optional(),
  RecordingChannels: z.coerce.number().int().optional(),
});
export type RecordingParams = z.infer<typeof RecordingParams>;
