import { EventEmitter } from 'node:events';
import type { ConversationRuntime } from '@vocalia/conversation';
import type { Logger } from '@vocalia/service-kit';
import { createSentenceSplitter } from '../speech/sentences';
import type { Synthesize } from '../speech/synthesize';
import type { Transcribe } from '../speech/transcribe';
import { createUtteranceDetector, type UtteranceOptions } from '../speech/utterance-detector';
import { createVad } from '../speech/webrtc-vad';
import type { ModelEvents, ModelSession, OpenModelSession } from './realtime-model';

export interface CascadedConfig {
  conversation: ConversationRuntime;
  transcribe: Transcribe;
  synthesize: Synthesize;
  utterance: UtteranceOptions;
  logger: Logger;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Browser voice without a speech-to-speech model: WebRTC VAD finds the visitor's utterance,
 * `/audio/transcriptions` writes it down, the turn runtime answers it (any engine, `local` included;
 * the turn is recorded there), and each sentence of the answer is spoken as soon as it is written.
 * Emits the same events as a realtime model, so the voice session treats both alike.
 */
export function cascadedModel(config: CascadedConfig): OpenModelSession {
  // The detector's WASM is loaded now: a deployment without it fails at start, not at the first visitor.
  createVad(config.utterance.aggressiveness).free();
  return (options) => {
    const events = new EventEmitter<ModelEvents>();
    const { turn } = options;
    const log = config.logger.child({ tenantId: turn.snapshot.tenant.id, voiceSession: turn.requestId });
    let closed = false;
    let answers = 0;
    let current: AbortController | undefined;
    // One answer at a time; an utterance finished meanwhile waits (only the latest one).
    let waiting: Buffer | undefined;
    let busy = false;

    const answer = async (pcm16: Buffer) => {
      const controller = new AbortController();
      current = controller;
      const { signal } = controller;
      const itemId = `answer-${++answers}`;
      let speaking: Promise<void> = Promise.resolve();
      // Why speaking failed (not a barge-in: an abort is not a failure).
      let speechFailure: unknown;
      const speak = (sentence: string) => {
        speaking = speaking.then(async () => {
          for await (const chunk of config.synthesize(sentence, turn.language, signal)) {
            if (signal.aborted || closed) return;
            events.emit('audio', itemId, chunk);
          }
        });
        // A sentence that fails stops the answer; the failure is reported once, below.
        speaking.catch((err: unknown) => {
          if (!signal.aborted) speechFailure ??= err;
          controller.abort();
        });
      };
      try {
        const userText = await config.transcribe(pcm16, turn.language, signal);
        if (!userText || signal.aborted) return;
        events.emit('userTranscript', userText);
        const splitter = createSentenceSplitter(speak);
        const reply = await config.conversation.respond({ ...turn, text: userText, language: turn.language, signal }, (piece) => splitter.push(piece));
        splitter.flush();
        await speaking;
        if (signal.aborted || closed) return;
        events.emit('assistantTranscript', reply.answer);
        events.emit('responseDone');
      } catch (err) {
        await speaking.catch(() => undefined);
        if (closed || (signal.aborted && speechFailure === undefined)) return;
        const failure = speechFailure ?? err;
        log.warn('cascaded voice answer failed', { error: errorText(failure) });
        events.emit('failed', `speech pipeline failed: ${errorText(failure)}`);
      } finally {
        if (current === controller) current = undefined;
      }
    };

    const next = async () => {
      busy = true;
      while (waiting && !closed) {
        const pcm16 = waiting;
        waiting = undefined;
        await answer(pcm16);
      }
      busy = false;
    };

    const detector = createUtteranceDetector(config.utterance, {
      speechStarted: () => events.emit('speechStarted'),
      utterance: (pcm16) => {
        waiting = pcm16;
        if (!busy) void next();
      },
    });
    setImmediate(() => !closed && events.emit('ready'));

    return Object.assign(events, {
      recordsTurns: true,
      appendAudio: (pcm16: Buffer) => !closed && detector.push(pcm16),
      truncate: (_itemId: string, _audioEndMs: number, stillAnswering: boolean) => {
        if (stillAnswering) current?.abort();
      },
      close() {
        closed = true;
        current?.abort();
        detector.close();
      },
    }) satisfies ModelSession;
  };
}
