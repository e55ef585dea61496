import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { eventually, newSessionId } from './support';
import { SpanKinds, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '@vocalia/service-kit/testing';

interface FleetInfo {
  edgeUrl: string;
  site: string;
  tenantId: string;
  token: string;
}

/** Parent first: the span's ancestors as far as they were received. */
function ancestors(spans: ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  const parent = spans.find((s) => s.spanId === span.parentSpanId);
  return parent ? [parent, ...ancestors(spans, parent)] : [];
}

describe('traces across the fleet (issue #22)', () => {
  let receiver: OtlpReceiver;
  let child: ChildProcess | undefined;
  let fleet: FleetInfo;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // Its own process: instrumentation patches Node's module loader, which jest's module registry bypasses.
    child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'traced-fleet.ts')], {
      env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    const [line] = (await Promise.race([
      once(child.stdout!, 'data'),
      once(child, 'exit').then(() => Promise.reject(new Error(`traced fleet exited: ${out}`))),
    ])) as [Buffer];
    fleet = JSON.parse(line.toString()) as FleetInfo;
  }, 120_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await receiver?.close();
  });

  it('when a visitor chats under an edge traceparent, then edge, voice-api /respond, the conversation-events job and the db-api worker are one trace', async () => {
    const traceId = randomBytes(16).toString('hex');
    const upstreamSpanId = randomBytes(8).toString('hex');
    const res = await fetch(`${fleet.edgeUrl}/respond`, {
      method: 'POST',
      headers: { origin: fleet.site, authorization: `Bearer ${fleet.token}`, 'content-type': 'application/json', traceparent: `00-${traceId}-${upstreamSpanId}-01` },
      body: JSON.stringify({ sessionId: newSessionId(), tenantId: fleet.tenantId, message: 'Bonjour, quels sont vos horaires ?' }),
    });
    expect(res.status).toBe(200);

    const inTrace = () => receiver.spans.filter((s) => s.traceId === traceId);
    const consumer = await eventually(() => {
      const found = inTrace().find((s) => s.name === 'conversation-events process');
      if (!found) throw new Error('no conversation-events process span yet');
      return found;
    });
    // Spans are exported as they end, each process and span processor on its own schedule: wait until the chain reaches the caller's span.
    const chain = await eventually(() => {
      const found = ancestors(inTrace(), consumer);
      if (found.at(-1)?.parentSpanId !== upstreamSpanId) throw new Error('the chain does not reach the upstream span yet');
      return found;
    });
    expect(consumer.kind).toBe(SpanKinds.CONSUMER);
    expect(chain[0]).toMatchObject({ name: 'conversation-events publish', kind: SpanKinds.PRODUCER });
    // The edge's server span, its proxied request, then voice-api's server span for /respond.
    expect(chain.filter((s) => s.kind === SpanKinds.SERVER).length).toBeGreaterThanOrEqual(2);
    expect(chain.some((s) => s.kind === SpanKinds.CLIENT)).toBe(true);
    expect(chain.some((s) => s.name.includes('/respond'))).toBe(true);
    expect(chain.at(-1)?.parentSpanId).toBe(upstreamSpanId);
    // The worker's own work (PostgreSQL through pg) is in the trace, under the worker's span.
    const workerWork = await eventually(() => {
      const found = inTrace().filter((s) => ancestors(inTrace(), s).some((a) => a.spanId === consumer.spanId));
      if (found.length === 0) throw new Error('no span under the worker yet');
      return found;
    });
    expect(workerWork.length).toBeGreaterThan(0);
  });
});
