import { z } from 'zod';
import { BaseEnv, loadEnv } from '@vocalia/service-kit';

export const Env = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3004),
});
export type Env = z.infer<typeof Env>;

export const loadServiceEnv = () => loadEnv('voice-api', Env);
