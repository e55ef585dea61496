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
