import { resolvePersona } from '@vocalia/agent';
import type { TenantSnapshot } from '@vocalia/contracts';
import type { RealtimeModelSettings } from '@vocalia/conversation';
import type { ModelAudioFormat } from './audio-path';

/** An OpenAI-compatible realtime speech API (OpenAI, xAI), and how phone audio meets it. */
export interface RealtimeConfig extends RealtimeModelSettings {
  /** `pcmu`: phone audio passes through; `pcm16`: transcoded to and from PCM16 at 24 kHz. */
  audioFormat: ModelAudioFormat;
  /** The caller must keep speaking this long over the agent before it stops ("mhm" and "yeah" do not interrupt). */
  bargeInMinMs: number;
}

const FORMATS = { pcmu: { type: 'audio/pcmu' }, pcm16: { type: 'audio/pcm', rate: 24000 } } as const;

const KNOWLEDGE_CHARS = 8000;

/** Persona, agent instructions and the tenant's knowledge, as the realtime session's instructions. */
export function sessionInstructions(snapshot: TenantSnapshot): string {
  const base = snapshot.agent?.instructions || resolvePersona(snapshot).instructions;
  let facts = '';
  for (const chunk of snapshot.knowledge) {
    const line = `- ${chunk.title}: ${chunk.text}\n`;
    if (facts.length + line.length > KNOWLEDGE_CHARS) break;
    facts += line;
  }
  const text = `${base}\nYou are on a phone call: short spoken sentences, no lists or markup. Answer in the caller's language.\nFacts you may use:\n${facts}`;
  return text.replaceAll('{business}', snapshot.tenant.name);
}

/** GA `session.update`: the same format in and out, server VAD, caller transcription, the call's tools. */
export function sessionUpdate(config: RealtimeConfig, instructions: string, tools: readonly object[]) {
  return {
    type: 'session.update',
    session: {
      type: 'realtime',
      model: config.model,
      instructions,
      output_modalities: ['audio'],
      audio: {
        input: { format: FORMATS[config.audioFormat], transcription: { model: config.transcriptionModel }, turn_detection: { type: 'server_vad' } },
        output: { format: FORMATS[config.audioFormat], voice: config.voice },
      },
      tools,
      tool_choice: 'auto',
    },
  };
}
