export { decodeMulaw, encodeMulaw, MULAW_DECODE } from './mulaw';
export { decodeAlaw, encodeAlaw, ALAW_DECODE } from './alaw';
export { createResampler, type Resampler, type ResamplerOptions, type SampleRate } from './resampler';
export { pcm16Bytes, pcm16Samples } from './pcm16';
export { mulawWavSamples } from './wav';
