import { randomBytes } from 'node:crypto';

/**
 * A fresh marker for one model call: placed in its system prompt, never meant to come out. A reply
 * carrying it (whole, spaced, spelled or translated around) is a prompt leak.
 */
export function newCanary(): string {
  return `VQ-${randomBytes(5).toString('hex').toUpperCase()}`;
}
