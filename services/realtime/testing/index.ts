/** Local servers speaking the OpenAI realtime and speech protocols, for realtime's tests, the e2e fleet and the voice benchmark. */
export { answerChunks, FakeRealtimeModel, type ModelEvent } from './fake-realtime-model';
export { FakeSpeechApi, type SpeechRequest, type Transcription } from './fake-speech-api';
export { spokenPcm } from './spoken-pcm';
