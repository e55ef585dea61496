import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { INTERNAL_TOKEN_HEADER, type IntegrationSecret } from '@vocalia/contracts';

export interface FakeDbApiSecrets {
  url: string;
  token: string;
  /** `provider/accountId` -> the connection db-api would answer. */
  connections: Map<string, IntegrationSecret>;
  /** Reads received, to see the cache at work. */
  reads: number;
  close(): Promise<void>;
}

/** A local server speaking db-api's `GET /internal/v1/integrations/:provider/:accountId/secret` (db-api itself is tested in its own package). */
export async function startFakeDbApiSecrets(): Promise<FakeDbApiSecrets> {
  const token = 'internal-token-for-webhook-router-tests';
  const app = express();
  const fake: FakeDbApiSecrets = { url: '', token, connections: new Map(), reads: 0, close: async () => undefined };
  app.get('/internal/v1/integrations/:provider/:accountId/secret', (req, res) => {
    fake.reads += 1;
    if (req.get(INTERNAL_TOKEN_HEADER) !== token) return void res.status(401).end();
    const found = fake.connections.get(`${req.params.provider}/${req.params.accountId}`);
    if (!found) return void res.status(404).json({ title: 'Integration not found' });
    res.json(found);
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
