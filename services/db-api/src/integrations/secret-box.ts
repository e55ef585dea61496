import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedSecret {
  /** base64(iv | ciphertext | tag). */
  ciphertext: string;
  keyId: string;
}

/** AES-256-GCM for tenants' provider secrets: the first key seals, every key listed opens what it sealed (rotation). */
export interface SecretBox {
  seal(plaintext: string): SealedSecret;
  open(sealed: SealedSecret): string;
}

/** `INTEGRATION_SECRETS_KEY`: `<id>:<base64 of 32 bytes>`, comma-separated, newest first (the env schema checked the shape). */
export function createSecretBox(keyList: string): SecretBox {
  const keys = keyList.split(',').map((entry) => {
    const [id, key] = entry.split(':') as [string, string];
    return { id, key: Buffer.from(key, 'base64') };
  });
  const current = keys[0]!;
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { ciphertext: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64'), keyId: current.id };
    },
    open(sealed) {
      const key = byId.get(sealed.keyId);
      if (!key) throw new Error(`integration secret sealed with key "${sealed.keyId}", which INTEGRATION_SECRETS_KEY no longer lists`);
      const raw = Buffer.from(sealed.ciphertext, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
