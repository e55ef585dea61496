import { generateKeyPairSync } from 'node:crypto';

export { freePort, privateRedis } from '../src/private-redis';

export function rsaKeys(): { JWT_PRIVATE_KEY: string; JWT_PUBLIC_KEY: string } {
  const k = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  return { JWT_PRIVATE_KEY: k.privateKey, JWT_PUBLIC_KEY: k.publicKey };
}
