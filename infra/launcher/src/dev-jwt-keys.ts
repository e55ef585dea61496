import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface JwtKeyPem {
  JWT_PRIVATE_KEY: string;
  JWT_PUBLIC_KEY: string;
}

/**
 * One RS256 pair for the whole local fleet, kept in `dir` (gitignored .vocalia/) so that every
 * service verifies what db-api signs, and dashboard sessions survive a relaunch.
 */
export function loadDevJwtKeys(dir: string): JwtKeyPem {
  const privatePath = join(dir, 'jwt-private.pem');
  const publicPath = join(dir, 'jwt-public.pem');
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(privatePath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(publicPath, pair.publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  }
  return { JWT_PRIVATE_KEY: readFileSync(privatePath, 'utf8'), JWT_PUBLIC_KEY: readFileSync(publicPath, 'utf8') };
}
