/** A local server speaking the OpenAI realtime protocol, for realtime's tests and the voice benchmark. */
export { answerChunks, FakeRealtimeModel, type ModelEvent } from './fake-realtime-model';
