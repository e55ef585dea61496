import request from 'supertest';
import { createLogger, createRedis, type Redis } from '@vocalia/service-kit';
import { createTelephonyOffApp } from '../src/telephony-off-app';

let redis: Redis;

beforeAll(() => {
  redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'client');
});

afterAll(async () => {
  await redis.quit();
});

describe('telephony-bridge deployed without a Twilio account', () => {
  const app = () => createTelephonyOffApp({ logger: createLogger('telephony-bridge', 'error'), redis, trustProxyHops: 1 });

  it('when Twilio calls a /voice/ webhook, then it answers 503 problem+json saying telephony is not configured', async () => {
    const res = await request(app()).post('/voice/inbound').type('form').send({ CallSid: 'CA1', To: '+212522000000' });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/);
  });

  it('when the edge checks its health, then the service is up', async () => {
    const res = await request(app()).get('/health');
    expect(res.status).toBe(200);
  });
});
