import { Webhook } from 'standardwebhooks';

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/** Standard Webhooks headers; during a rotation overlap, `webhook-signature` carries both signatures. */
export function signDelivery(secrets: SigningSecrets, msgId: string, body: string, now: Date): Record<string, string> {
  const keys = [secrets.secret];
  if (secrets.previousSecret && secrets.previousSecretExpiresAt && secrets.previousSecretExpiresAt > now) keys.push(secrets.previousSecret);
  return {
    'webhook-id': msgId,
    'webhook-timestamp': Math.floor(now.getTime() / 1000).toString(),
    'webhook-signature': keys.map((k) => new Webhook(k).sign(msgId, now, body)).join(' '),
  };
}
