import { deleteKeys } from './redis-keys';
import { reserveServer, type ReservedServer } from './reserved-server';
import { startDbApi, type RunningDbApi } from './start-db-api';
import { startEdge } from './start-edge';
import { startRealtime } from './start-realtime';
import { startTelephonyBridge } from './start-telephony-bridge';
import { startVoiceApi, type VoiceApiOptions } from './start-voice-api';
import { Teardown } from './teardown';
import { uniquePrefix } from './test-env';

export type VoiceSettings = Pick<VoiceApiOptions, 'llmEnv' | 'rateWindowSec' | 'rateClock'>;

export interface FleetOptions extends Partial<VoiceSettings> {
  /** Names the Redis prefix, for whoever looks at Redis during a run. */
  name: string;
  /** Where db-api sends account mails (a mail catcher the test reads); default: db-api's development default. */
  smtpUrl?: string;
  /** Extra db-api environment, e.g. `{ SITE_CHECK_ALLOW_PRIVATE_TARGETS: 'true' }` to check pages on 127.0.0.1. */
  dbApiEnv?: Record<string, string>;
  /** Also runs realtime (`/realtime` behind the edge), bridged to this server speaking the OpenAI realtime protocol. */
  realtimeModelUrl?: string;
  /** Or runs realtime's cascaded path: VAD, this OpenAI-compatible speech API's transcriptions and speech, the local engine. */
  realtimeSpeechUrl?: string;
  /** Also runs telephony-bridge (`/voice` behind the edge) with this Twilio account (a fake Twilio's env); db-api needs it too, in `dbApiEnv`. */
  twilioEnv?: Record<string, string>;
}

export interface Fleet {
  /** PUBLIC_BASE_URL: the edge, the only address tests talk to. */
  edgeUrl: string;
  /** The BullMQ prefix db-api and voice-api share: another consumer (webhook-router's deliveries) joins with it, and a test may enqueue what another service would (a phone call's events). */
  queuePrefix: string;
  /** db-api itself, not through the edge: for what the edge does not route (`/ready`). */
  dbApiUrl: string;
  /** db-api's database, for what another service would have written there (a delivery webhook-router attempted). */
  prisma: RunningDbApi['deps']['prisma'];
  /** Another voice-api (its own engine settings) on the same db-api and queues, behind an edge of its own; returns that edge's URL. */
  startExtraVoiceApi(settings: Partial<VoiceSettings>): Promise<string>;
  close(): Promise<void>;
}

/**
 * db-api (fresh database, workers running) and voice-api in-process (realtime and telephony-bridge
 * when asked), each on a random port, and the local edge in front of them with the production route table. One Redis prefix per file.
 */
export async function startFleet(opts: FleetOptions): Promise<Fleet> {
  const prefix = uniquePrefix(opts.name);
  const teardown = new Teardown();
  teardown.add('storage', { close: () => deleteKeys(prefix) });
  let voiceApis = 0;
  try {
    const dbServer = teardown.add('servers', await reserveServer());
    const realtimeServer = opts.realtimeModelUrl || opts.realtimeSpeechUrl ? teardown.add('servers', await reserveServer()) : undefined;
    const bridgeServer = opts.twilioEnv ? teardown.add('servers', await reserveServer()) : undefined;
    const firstKeyPrefix = `${prefix}-voice1`;
    const startVoiceBehindEdge = async (server: ReservedServer, settings: Partial<VoiceSettings>) => {
      voiceApis += 1;
      const keyPrefix = `${prefix}-voice${voiceApis}`;
      const first = voiceApis === 1;
      const ports = {
        'db-api': dbServer.port,
        'voice-api': server.port,
        ...(realtimeServer && first ? { realtime: realtimeServer.port } : {}),
        ...(bridgeServer && first ? { 'telephony-bridge': bridgeServer.port } : {}),
      };
      const edge = teardown.add('edges', await startEdge(ports));
      const start = () => startVoiceApi({ dbApiUrl: dbServer.url, queuePrefix: prefix, keyPrefix, rateWindowSec: settings.rateWindowSec ?? 60, rateClock: settings.rateClock, llmEnv: settings.llmEnv, publicBaseUrl: edge.url });
      return { edge, start };
    };
    const voiceServer = teardown.add('servers', await reserveServer());
    const { edge, start } = await startVoiceBehindEdge(voiceServer, opts);
    const dbApi = teardown.add('services', await startDbApi({ publicBaseUrl: edge.url, queuePrefix: prefix, smtpUrl: opts.smtpUrl, env: opts.dbApiEnv }));
    dbServer.serve(dbApi.handler);
    voiceServer.serve(teardown.add('services', await start()).handler);
    if (realtimeServer) {
      const realtime = teardown.add('services', await startRealtime({ dbApiUrl: dbServer.url, queuePrefix: prefix, keyPrefix: firstKeyPrefix, modelUrl: opts.realtimeModelUrl, speechUrl: opts.realtimeSpeechUrl }));
      realtimeServer.serve(realtime.handler);
      realtime.attach(realtimeServer.server);
    }
    if (bridgeServer && opts.twilioEnv) {
      const bridge = await startTelephonyBridge({ publicBaseUrl: edge.url, dbApiUrl: dbServer.url, queuePrefix: prefix, keyPrefix: `${prefix}-tel`, twilioEnv: opts.twilioEnv });
      bridgeServer.serve(teardown.add('services', bridge).handler);
    }
    return {
      edgeUrl: edge.url,
      queuePrefix: prefix,
      dbApiUrl: dbServer.url,
      prisma: dbApi.deps.prisma,
      async startExtraVoiceApi(settings) {
        const server = teardown.add('servers', await reserveServer());
        const extra = await startVoiceBehindEdge(server, settings);
        server.serve(teardown.add('services', await extra.start()).handler);
        return extra.edge.url;
      },
      close: () => teardown.run(),
    };
  } catch (err) {
    await teardown.run();
    throw err;
  }
}
