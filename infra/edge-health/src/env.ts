import { z } from 'zod';
import { BaseEnv, loadEnv } from '@vocalia/service-kit';

export const Env = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3015),
  /** Traefik's API on its private entry point (api.insecure, never published). */
  TRAEFIK_API_URL: z.url().default('http://traefik:8082'),
  /** The services reported, comma-separated. */
  FLEET_SERVICES: z
    .string()
    .default('voice-api,realtime,telephony-bridge,oauth-gateway,webhook-router,db-api')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)),
  /** The Traefik provider that discovers the replicas: `docker` (compose) or `swarm` (the Swarm stack). */
  FLEET_PROVIDER: z.enum(['docker', 'swarm']).default('docker'),
  FLEET_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
});
export type Env = z.infer<typeof Env>;

export const loadServiceEnv = () => loadEnv('edge-health', Env);
