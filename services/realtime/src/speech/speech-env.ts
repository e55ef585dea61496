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
 * detection), apart from the realtime model's, plus the chat engine keys its turns go through.
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
  XAI_API_KEY: z.string().optional(),
  XAI_BASE_URL: optionalUrl,
  XAI_MODEL: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().optional(),
  GEMINI_API_KEY: z.string().optional(),
  GEMINI_BASE_URL: optionalUrl,
  GEMINI_MODEL: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).optional(),
};

const ENGINE_VARS = ['XAI_API_KEY', 'XAI_BASE_URL', 'XAI_MODEL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'GEMINI_API_KEY', 'GEMINI_BASE_URL', 'GEMINI_MODEL', 'LLM_TIMEOUT_MS'] as const;
type EngineEnvValues = { [K in (typeof ENGINE_VARS)[number]]?: string | number };

/** The engine variables as the record `engineConfigFromEnv` reads. */
export function engineEnv(env: EngineEnvValues): Record<string, string | undefined> {
  return Object.fromEntries(ENGINE_VARS.map((name) => [name, env[name] === undefined ? undefined : String(env[name])]));
}
