import type { FleetService } from './route-table';

export interface ServiceHealth {
  status: 'ok' | 'unhealthy' | 'down';
  url: string;
  detail?: string;
}

export interface FleetHealth {
  status: 'ok' | 'degraded';
  services: Record<string, ServiceHealth>;
}

async function checkOne(url: string, timeoutMs: number): Promise<ServiceHealth> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok ? { status: 'ok', url } : { status: 'unhealthy', url, detail: `GET /health answered ${res.status}` };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { status: 'down', url, detail: cause ?? (err instanceof Error ? err.message : String(err)) };
  }
}

/** Every service's GET /health, in parallel: `ok` only when all six answer 200. */
export async function checkFleet(services: FleetService[], host = '127.0.0.1', timeoutMs = 2000): Promise<FleetHealth> {
  const results = await Promise.all(services.map(async (s) => [s.name, await checkOne(`http://${host}:${s.port}`, timeoutMs)] as const));
  const all = Object.fromEntries(results);
  return { status: results.every(([, h]) => h.status === 'ok') ? 'ok' : 'degraded', services: all };
}
