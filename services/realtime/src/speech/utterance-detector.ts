import { BYTES_PER_MS } from './pcm';
import { createVad, VAD_FRAME_SAMPLES, type Vad } from './webrtc-vad';

export interface UtteranceOptions {
  /** Silence after speech that ends the visitor's utterance. */
  endSilenceMs: number;
  /** Voiced time in a row before it counts as speech (coughs and clicks are shorter). */
  startSpeechMs: number;
  /** Audio kept from just before speech was detected, so the first syllable reaches transcription. */
  preRollMs: number;
  /** An utterance this long is cut and transcribed as it is (memory stays bounded). */
  maxUtteranceMs: number;
  aggressiveness: 0 | 1 | 2 | 3;
}

export interface UtteranceHandlers {
  speechStarted(): void;
  utterance(pcm16: Buffer): void;
}

export interface UtteranceDetector {
  push(pcm16: Buffer): void;
  close(): void;
}

/** 30 ms at 24 kHz: three input samples per detector sample at 8 kHz. */
const FRAME_MS = 30;
const FRAME_BYTES = FRAME_MS * BYTES_PER_MS;

/** 24 kHz to the detector's 8 kHz: the mean of each three samples (a box low-pass, enough to tell speech). */
function decimate(frame: Buffer): Int16Array {
  const out = new Int16Array(VAD_FRAME_SAMPLES);
  for (let i = 0; i < VAD_FRAME_SAMPLES; i++) out[i] = Math.round((frame.readInt16LE(i * 6) + frame.readInt16LE(i * 6 + 2) + frame.readInt16LE(i * 6 + 4)) / 3);
  return out;
}

/**
 * The visitor's utterances in a PCM16 24 kHz stream, found with WebRTC VAD: `speechStarted` as soon
 * as speech is sure (barge-in), `utterance` with the audio once it is followed by `endSilenceMs` of silence.
 */
export function createUtteranceDetector(options: UtteranceOptions, on: UtteranceHandlers): UtteranceDetector {
  const vad: Vad = createVad(options.aggressiveness);
  const startFrames = Math.max(1, Math.round(options.startSpeechMs / FRAME_MS));
  const endFrames = Math.max(1, Math.round(options.endSilenceMs / FRAME_MS));
  const preRollFrames = Math.round(options.preRollMs / FRAME_MS);
  const maxFrames = Math.round(options.maxUtteranceMs / FRAME_MS);
  let pending: Buffer = Buffer.alloc(0);
  // Before speech: the last frames (pre-roll plus the voiced run being confirmed); during: the utterance.
  let frames: Buffer[] = [];
  let speaking = false;
  let voicedRun = 0;
  let silentRun = 0;

  const finish = () => {
    const audio = Buffer.concat(frames.slice(0, frames.length - silentRun + Math.min(silentRun, 3)));
    frames = [];
    speaking = false;
    voicedRun = 0;
    silentRun = 0;
    on.utterance(audio);
  };

  const onFrame = (frame: Buffer) => {
    const voiced = vad.isSpeech(decimate(frame));
    frames.push(frame);
    if (!speaking) {
      voicedRun = voiced ? voicedRun + 1 : 0;
      if (frames.length > preRollFrames + voicedRun) frames.splice(0, frames.length - preRollFrames - voicedRun);
      if (voicedRun < startFrames) return;
      speaking = true;
      silentRun = 0;
      on.speechStarted();
      return;
    }
    silentRun = voiced ? 0 : silentRun + 1;
    if (silentRun >= endFrames || frames.length >= maxFrames) finish();
  };

  return {
    push(pcm16) {
      pending = pending.length ? Buffer.concat([pending, pcm16]) : pcm16;
      let offset = 0;
      for (; offset + FRAME_BYTES <= pending.length; offset += FRAME_BYTES) onFrame(pending.subarray(offset, offset + FRAME_BYTES));
      pending = Buffer.from(pending.subarray(offset));
    },
    close() {
      vad.free();
      frames = [];
    },
  };
}
