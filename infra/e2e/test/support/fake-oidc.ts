import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface FakeOidcSpec {
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface OidcUser {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
}

export type TamperMode = 'bad-signature' | 'wrong-audience' | 'expired' | 'wrong-nonce';

export interface FakeOidc {
  /** Issuer URL per provider name. */
  issuers: Record<string, string>;
  nextUser(name: string, user: OidcUser | { deny: true }): Promise<void>;
  /** The next id_token this issuer sends is altered this way (once). */
  tamper(name: string, mode: TamperMode): Promise<void>;
  close(): Promise<void>;
}

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 204) throw new Error(`${url}: ${res.status}`);
}

/** Real OpenID Connect issuers (`oidc-provider`, ES modules only) in a child process: see fake-oidc-providers.mjs. */
export async function startFakeOidc(providers: FakeOidcSpec[]): Promise<FakeOidc> {
  const child = spawn(process.execPath, [join(__dirname, 'fake-oidc-providers.mjs')], {
    env: { ...process.env, FAKE_OIDC_CONFIG: JSON.stringify({ providers }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const issuers = await new Promise<Record<string, string>>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { ready: Record<string, string> }).ready));
    child.once('exit', (code) => reject(new Error(`fake OIDC providers exited (${code}) before they were ready`)));
  });
  return {
    issuers,
    nextUser: (name, user) => post(`${issuers[name]}/__test/next-user`, user),
    tamper: (name, mode) => post(`${issuers[name]}/__test/tamper`, { mode }),
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
