import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FleetSecrets {
  INTERNAL_API_TOKEN: string;
  WIDGET_TOKEN_SECRET: string;
  OAUTH_COOKIE_SECRET: string;
  /** db-api's key for tenants' provider secrets, in its `<id>:<base64 of 32 bytes>` form. */
  INTEGRATION_SECRETS_KEY: string;
}

const FILES: Record<keyof FleetSecrets, string> = {
  INTERNAL_API_TOKEN: 'internal-api-token',
  WIDGET_TOKEN_SECRET: 'widget-token-secret',
  OAUTH_COOKIE_SECRET: 'oauth-cookie-secret',
  INTEGRATION_SECRETS_KEY: 'integration-secrets-key',
};

const hex = () => randomBytes(32).toString('hex');
const GENERATE: Record<keyof FleetSecrets, () => string> = {
  INTERNAL_API_TOKEN: hex,
  WIDGET_TOKEN_SECRET: hex,
  OAUTH_COOKIE_SECRET: hex,
  INTEGRATION_SECRETS_KEY: () => `local:${randomBytes(32).toString('base64')}`,
};

/** Read the secret kept in `dir`, or generate it once (32 random bytes) in a file only its owner reads. */
function keptSecret(dir: string, file: string, generate: () => string): string {
  const path = join(dir, file);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(path, generate(), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another launcher of this checkout wrote it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return readFileSync(path, 'utf8').trim();
}

/**
 * The fleet's shared secrets: the environment's when set, else generated once per checkout and kept
 * in `dir` (gitignored .vocalia/), so that no local or staging fleet signs with a value published
 * in the code, and widget tokens survive a relaunch.
 */
export function loadFleetSecrets(dir: string, env: Partial<FleetSecrets>): FleetSecrets {
  const pick = (name: keyof FleetSecrets) => env[name] ?? keptSecret(dir, FILES[name], GENERATE[name]);
  return {
    INTERNAL_API_TOKEN: pick('INTERNAL_API_TOKEN'),
    WIDGET_TOKEN_SECRET: pick('WIDGET_TOKEN_SECRET'),
    OAUTH_COOKIE_SECRET: pick('OAUTH_COOKIE_SECRET'),
    INTEGRATION_SECRETS_KEY: pick('INTEGRATION_SECRETS_KEY'),
  };
}
