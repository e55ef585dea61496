import type { ServiceState } from './fleet';
import { maskUrl } from './mask-url';
import type { ResolvedPostgres } from './resolve-postgres';
import type { ResolvedRedis } from './resolve-redis';
import { DEMO_EMAIL, DEMO_PASSWORD, type SeedResult } from './seed';

export interface Summary {
  services: ServiceState[];
  postgres: ResolvedPostgres;
  redis: ResolvedRedis;
  edgeUrl: string;
  seed?: SeedResult;
}

const col = (text: string, width: number) => text.padEnd(width);

/** The human-readable picture once the fleet is up: one line per service, then what it runs on. */
export function summaryLines(s: Summary): string[] {
  const db = maskUrl(s.postgres.url);
  const redis = maskUrl(s.redis.url);
  const lines = ['', 'VocalIA fleet'];
  for (const svc of s.services) {
    const state = svc.state === 'healthy' ? 'healthy' : `FAILED: ${svc.reason ?? svc.state}`;
    lines.push(`  ${col(svc.name, 17)} ${col(svc.url, 23)} ${col(state, 8)}  db ${db}  redis ${redis}`);
  }
  lines.push(`  ${col('postgres', 17)} ${db}  (${s.postgres.description})`);
  lines.push(`  ${col('redis', 17)} ${redis}  (${s.redis.description})`);
  lines.push(`  ${col('edge', 17)} ${s.edgeUrl}  (fleet health: ${s.edgeUrl}/health)`);
  lines.push(`  ${col('dashboard', 17)} ${s.edgeUrl}/app/`);
  if (s.seed?.ok) {
    lines.push(`  ${col('demo tenant', 17)} ${s.seed.tenantId}  (dashboard login ${DEMO_EMAIL} / ${DEMO_PASSWORD})`);
    lines.push(`  ${col('try it', 17)} ${s.edgeUrl}/widget/demo?tenantId=${encodeURIComponent(s.seed.tenantId)}  (a page with the widget: chat with the demo tenant)`);
    lines.push(`  ${col('widget snippet', 17)} <script src="${s.edgeUrl}/widget/v1/vocalia.js" data-vocalia-tenant="${s.seed.tenantId}" async></script>`);
    for (const note of s.seed.notes) lines.push(`  ${col('', 17)} ${note}`);
  } else if (s.seed) {
    lines.push(`  ${col('demo tenant', 17)} ${s.seed.reason}`);
  }
  lines.push('  Ctrl-C stops everything.', '');
  return lines;
}
