import type { Language } from '@vocalia/contracts';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse';

export interface PhoneVoice {
  /** `<Say voice language>`: a voice that speaks the language. */
  say: Required<Pick<VoiceResponse.SayAttributes, 'voice' | 'language'>>;
  /** `<Gather language>`: what speech recognition listens for. */
  gather: NonNullable<VoiceResponse.GatherAttributes['language']>;
}

/** Darija has no voice of its own: an Arabic voice reads it, and recognition listens for Moroccan Arabic. */
export const PHONE_VOICES: Record<Language, PhoneVoice> = {
  fr: { say: { voice: 'Polly.Lea-Neural', language: 'fr-FR' }, gather: 'fr-FR' },
  en: { say: { voice: 'Polly.Joanna-Neural', language: 'en-US' }, gather: 'en-US' },
  es: { say: { voice: 'Polly.Lucia-Neural', language: 'es-ES' }, gather: 'es-ES' },
  ar: { say: { voice: 'Google.ar-XA-Wavenet-A', language: 'ar-XA' }, gather: 'ar-SA' },
  ary: { say: { voice: 'Google.ar-XA-Wavenet-A', language: 'ar-XA' }, gather: 'ar-MA' },
};
