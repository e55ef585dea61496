import type { Deps as DbApiDeps } from '@vocalia/db-api/src/deps';
import { deleteKeys } from './redis-keys';
import { reserveServer, type ReservedServer } from './reserved-server';
import { startDbApi, type RunningDbApi } from './start-db-api';
import { startEdge, type RunningEdge } from './start-edge';
import { startVoiceApi, type RunningVoiceApi, type VoiceApiOptions } from './start-voice-api';
import { uniquePrefix } from './test-env';

export interface FleetOptions {
  /** Names the Redis prefix, for whoever looks at Redis during a run. */
  name: string;
  rateWindowSec?: number;
  llmEnv?: Record<string, string>;
}

/** Another voice-api (its own engine settings) against the same db-api and queues, behind its own edge. */
export interface ExtraVoiceApi {
  edgeUrl: string;
  close(): Promise<void>;
}

export interface Fleet {
  /** PUBLIC_BASE_URL: the edge, the only address tests talk to. */
  edgeUrl: string;
  /** db-api's deps, for diagnostics only; tests go through the edge. */
  dbApi: DbApiDeps;
  startExtraVoiceApi(opts: Pick<VoiceApiOptions, 'llmEnv' | 'rateWindowSec'>): Promise<ExtraVoiceApi>;
  close(): Promise<void>;
}

interface Stoppable {
  close(): Promise<void>;
}

async function stopAll(stack: Stoppable[]): Promise<void> {
  for (const item of stack.splice(0).reverse()) await item.close();
}

/**
 * db-api (fresh database, workers running) and voice-api in-process, each on a random port, and
 * the local edge in front of them with the production route table. One Redis prefix for the file.
 */
export async function startFleet(opts: FleetOptions): Promise<Fleet> {
  const prefix = uniquePrefix(opts.name);
  const stack: Stoppable[] = [{ close: () => deleteKeys(prefix) }];
  try {
    const dbServer = await reserveServer();
    stack.push(dbServer);
    const extraVoiceApi = async (voice: Pick<VoiceApiOptions, 'llmEnv' | 'rateWindowSec'>, keyPrefix: string) => {
      const server: ReservedServer = await reserveServer();
      const own: Stoppable[] = [server];
      try {
        const edge: RunningEdge = await startEdge({ 'db-api': dbServer.port, 'voice-api': server.port });
        own.push(edge);
        const api: RunningVoiceApi = await startVoiceApi({ dbApiUrl: dbServer.url, queuePrefix: prefix, keyPrefix, ...voice });
        own.push(api);
        server.serve(api.handler);
        return { edgeUrl: edge.url, close: () => stopAll(own) };
      } catch (err) {
        await stopAll(own);
        throw err;
      }
    };
    const voiceServer = await reserveServer();
    stack.push(voiceServer);
    const edge = await startEdge({ 'db-api': dbServer.port, 'voice-api': voiceServer.port });
    stack.push(edge);
    const dbApi: RunningDbApi = await startDbApi({ publicBaseUrl: edge.url, queuePrefix: prefix });
    stack.push(dbApi);
    dbServer.serve(dbApi.handler);
    const voiceApi = await startVoiceApi({ dbApiUrl: dbServer.url, queuePrefix: prefix, keyPrefix: `${prefix}-voice`, rateWindowSec: opts.rateWindowSec ?? 60, llmEnv: opts.llmEnv });
    stack.push(voiceApi);
    voiceServer.serve(voiceApi.handler);
    let extras = 0;
    return {
      edgeUrl: edge.url,
      dbApi: dbApi.deps,
      async startExtraVoiceApi(voice) {
        extras += 1;
        const extra = await extraVoiceApi({ rateWindowSec: 60, ...voice }, `${prefix}-voice${extras}`);
        stack.push(extra);
        return extra;
      },
      close: () => stopAll(stack),
    };
  } catch (err) {
    await stopAll(stack);
    throw err;
  }
}
