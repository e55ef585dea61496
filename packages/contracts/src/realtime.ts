import { z } from 'zod';
import { Language } from './languages';

/**
 * Redis key the realtime service refreshes (every few seconds, expiring after REALTIME_READY_TTL_SEC)
 * while it serves `/realtime` sessions with a speech path configured; voice-api offers `voice.realtime`
 * only while it exists.
 */
export const realtimeReadyKey = (keyPrefix: string) => `${keyPrefix}:realtime:ready`;
export const REALTIME_READY_TTL_SEC = 15;

/** The browser's first frame on `/realtime` (text); binary PCM16 LE mono frames follow. */
export const RealtimeStart = z.object({
  type: z.literal('start'),
  token: z.string().min(1).max(4096),
  tenantId: z.string().min(1).max(64),
  sessionId: z.string().min(8).max(128).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
  language: Language.optional(),
  locale: z.string().max(35).optional(),
  audio: z.object({ format: z.literal('pcm16'), sampleRate: z.literal(24000) }),
});
export type RealtimeStart = z.infer<typeof RealtimeStart>;

export const RealtimeStop = z.object({ type: z.literal('stop') });
export const RealtimeClientMessage = z.discriminatedUnion('type', [RealtimeStart, RealtimeStop]);
export type RealtimeClientMessage = z.infer<typeof RealtimeClientMessage>;

/** Server -> browser text frames (binary frames are PCM16 LE mono 24 kHz to play). */
export type RealtimeServerMessage =
  | { type: 'ready' }
  | { type: 'speech_started' }
  | { type: 'transcript'; role: 'user' | 'assistant'; text: string; final: boolean }
  | { type: 'error'; status: number; code: string; title: string; detail: string };
