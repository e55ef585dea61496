import { randomBytes } from 'node:crypto';
import { sha256Hex } from './refresh-token';

export const API_KEY_PATTERN = /^vk_[0-9a-f]{48}$/;

/** `vk_` + 48 hex (24 random bytes); stored as sha256, listed by its first 8 hex characters. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `vk_${randomBytes(24).toString('hex')}`;
  return { key, hash: sha256Hex(key), prefix: key.slice(0, 11) };
}

export function hashApiKey(key: string): string {
  return sha256Hex(key);
}
