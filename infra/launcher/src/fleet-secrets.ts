import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FleetSecrets {
  INTERNAL_API_TOKEN: string;
  WIDGET_TOKEN_SECRET: string;
  OAUTH_COOKIE_SECRET: string;
}

const FILES: Record<keyof FleetSecrets, string> = {
  INTERNAL_API_TOKEN: 'internal-api-token',
  WIDGET_TOKEN_SECRET: 'widget-token-secret',
  OAUTH_COOKIE_SECRET: 'oauth-cookie-secret',
};

/** Read the secret kept in `dir`, or generate it once (32 random bytes, hex) in a file only its owner reads. */
function keptSecret(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
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
  const pick = (name: keyof FleetSecrets) => env[name] ?? keptSecret(dir, FILES[name]);
  return { INTERNAL_API_TOKEN: pick('INTERNAL_API_TOKEN'), WIDGET_TOKEN_SECRET: pick('WIDGET_TOKEN_SECRET'), OAUTH_COOKIE_SECRET: pick('OAUTH_COOKIE_SECRET') };
}
