import { z } from 'zod';
import { LANGUAGES, type Language } from '@vocalia/contracts';

const optionalUrl = z.url().optional();

/** `fr=nova,ar=onyx`: a voice per language; languages left out use the default voice. */
const VoicesByLanguage = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const voices: Partial<Record<Language, string>> = {};
    for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [language, voice] = pair.split('=').map((p) => p.trim());
      if (!language || !voice || !(LANGUAGES as readonly string[]).includes(language)) {
        ctx.addIssue({ code: 'custom', message: `"${pair}": expected <language>=<voice>, language one of ${LANGUAGES.join(', ')}` });
        return z.NEVER;
      }
      voices[language as Language] = voice;
    }
    return voices;
  });

/**
 * The cascaded browser-voice path's own variables (speech to text, text to speech, utterance
 * detection), apart from the realtime model's and the chat engine's.
 */
export const SpeechEnv = {
  /** OpenAI-compatible `/audio/transcriptions` root (OpenAI or a self-hosted Whisper server): turns the cascaded path on when no realtime model is set. */
  SPEECH_TO_TEXT_URL: optionalUrl,
  SPEECH_TO_TEXT_API_KEY: z.string().min(1).optional(),
  SPEECH_TO_TEXT_MODEL: z.string().min(1).default('whisper-1'),
  /** OpenAI-compatible `/audio/speech` root; without it espeak-ng speaks the answers. */
  TEXT_TO_SPEECH_URL: optionalUrl,
  TEXT_TO_SPEECH_API_KEY: z.string().min(1).optional(),
  TEXT_TO_SPEECH_MODEL: z.string().min(1).default('tts-1'),
  TEXT_TO_SPEECH_VOICE: z.string().min(1).default('alloy'),
  TEXT_TO_SPEECH_VOICES: VoicesByLanguage,
  SPEECH_END_SILENCE_MS: z.coerce.number().int().min(200).max(3000).default(700),
  SPEECH_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(15_000),
};
