export { createVocaliaBrowserClient, createVocaliaClient, type VocaliaBrowserClient, type VocaliaClient, type VocaliaClientOptions } from './client';
export { VocaliaApiError, VocaliaContractError } from './errors';
export type { FetchLike, IdempotentOptions } from './http';
