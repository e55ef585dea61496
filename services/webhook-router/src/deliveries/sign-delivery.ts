import { createHmac } from 'node:crypto';

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

const SECRET_PREFIX = 'whsec_';

/** Standard Webhooks: base64 of HMAC-SHA256, keyed by the secret's base64-decoded bytes after `whsec_`, over `id.timestamp.body`. */
function signature(secret: string, signed: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
}

/** Standard Webhooks headers; during a rotation overlap, `webhook-signature` carries both signatures. */
export function signDelivery(secrets: SigningSecrets, msgId: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  const signed = `${msgId}.${timestamp}.${body}`;
  const withPrevious = secrets.previousSecret !== null && secrets.previousSecretExpiresAt !== null && secrets.previousSecretExpiresAt > now;
  return {
    'webhook-id': msgId,
    'webhook-timestamp': timestamp,
    'webhook-signature': withPrevious ? `${signature(secrets.secret, signed)} ${signature(secrets.previousSecret as string, signed)}` : signature(secrets.secret, signed),
  };
}
