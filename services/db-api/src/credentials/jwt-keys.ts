import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Logger } from '@vocalia/service-kit';
import type { Env } from '../env';

export interface JwtKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  issuer: string;
  audience: string;
  accessTtlSec: number;
}

/** RS256 keys from the environment; outside production, an ephemeral pair (tokens die with the process). */
export function loadJwtKeys(env: Env, logger: Logger): JwtKeys {
  const common = { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, accessTtlSec: env.ACCESS_TOKEN_TTL_SEC };
  if (env.JWT_PRIVATE_KEY && env.JWT_PUBLIC_KEY) {
    return { privateKey: createPrivateKey(env.JWT_PRIVATE_KEY), publicKey: createPublicKey(env.JWT_PUBLIC_KEY), ...common };
  }
  if (env.NODE_ENV === 'production') throw new Error('JWT_PRIVATE_KEY and JWT_PUBLIC_KEY are required in production');
  if (env.NODE_ENV !== 'test') logger.warn('JWT keys not set: using an ephemeral RS256 key pair; tokens will not survive a restart');
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, ...common };
}
