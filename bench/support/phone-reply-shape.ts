/**
 * How the bench's realtime model answers, shared by the model and the callers that time it. A real
 * realtime model sends its reply as `response.output_audio.delta` chunks longer than a phone frame,
 * faster than real time; the echo model does the same with the caller's own audio: once it has heard
 * `BURST_CHUNKS` x `CHUNK_MS` of it, it sends that audio back at once, one delta per `CHUNK_MS`.
 */
const FRAME_MS = 20;

/** Model audio per delta (`BENCH_MODEL_CHUNK_MS`, default 100 ms, a multiple of 20). */
export const CHUNK_FRAMES = Math.max(1, Math.round(Number(process.env.BENCH_MODEL_CHUNK_MS ?? 100) / FRAME_MS));
/** Deltas per reply (`BENCH_MODEL_BURST`, default 5: 500 ms of reply sent at once for every 500 ms heard). */
export const BURST_CHUNKS = Math.max(1, Number(process.env.BENCH_MODEL_BURST ?? 5));
/** Caller frames the model hears before each reply; the last of them is the frame the reply is timed from. */
export const FRAMES_PER_REPLY = CHUNK_FRAMES * BURST_CHUNKS;
