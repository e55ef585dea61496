/** In-process use of realtime (the benchmark, cross-service tests): the same wiring main.ts does. */
export { createApp } from './app';
export { composeRealtime, type ComposeOptions, type Composed } from './compose';
export { realtimeModel, type RealtimeModelConfig } from './model/realtime-model';
export { openAiTranscription, type TranscriptionConfig } from './speech/transcribe';
export { espeakSpeech, openAiSpeech, type SpeechApiConfig } from './speech/synthesize';
