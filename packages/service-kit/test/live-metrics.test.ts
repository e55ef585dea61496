import request from 'supertest';
import { createApp, createLogger, observeModelLatency, trackActiveCalls, trackVoiceSessions } from '../src';

const app = createApp({ service: 'test', logger: createLogger('test', 'silent'), routes: () => undefined });
const scrape = async () => (await request(app).get('/metrics').expect(200)).text;

/** The value of the line `name{labels} value` (or `name value`), undefined when absent. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('calls, voice sessions and model latency on /metrics', () => {
  it('when two servers of one process hold calls and sessions, then /metrics shows their sum at scrape time, and a stopped server stops counting', async () => {
    let callsA = 2;
    const stopA = trackActiveCalls(() => callsA);
    const stopB = trackActiveCalls(() => 1);
    const stopSessions = trackVoiceSessions(() => 4);
    expect(value(await scrape(), 'telephony_active_calls')).toBe(3);
    expect(value(await scrape(), 'realtime_active_sessions')).toBe(4);
    callsA = 5;
    expect(value(await scrape(), 'telephony_active_calls')).toBe(6);
    stopA();
    stopSessions();
    const after = await scrape();
    expect(value(after, 'telephony_active_calls')).toBe(1);
    expect(value(after, 'realtime_active_sessions')).toBe(0);
    stopB();
  });

  it('when providers answer or fail, then model latency is a histogram by provider and outcome, in seconds', async () => {
    observeModelLatency('xai', 1200, 'error');
    observeModelLatency('local', 3, 'ok');
    observeModelLatency('local', 4, 'ok');
    const text = await scrape();
    expect(value(text, 'model_request_duration_seconds_count{provider="local",outcome="ok"}')).toBe(2);
    expect(value(text, 'model_request_duration_seconds_sum{provider="local",outcome="ok"}')).toBeCloseTo(0.007, 6);
    expect(value(text, 'model_request_duration_seconds_bucket{le="1",provider="xai",outcome="error"}')).toBe(0);
    expect(value(text, 'model_request_duration_seconds_bucket{le="2",provider="xai",outcome="error"}')).toBe(1);
  });
});
