import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/paths';
import { compose, FLEET, repoFile, repoYaml } from './repo-files';

const PROMETHEUS_DIR = join(REPO_ROOT, 'infra', 'prometheus');
/** Installed by infra/scripts/ensure-test-services.sh (Debian's `prometheus` package). */
const PROMTOOL = process.env.PROMTOOL ?? 'promtool';
/** Series Prometheus makes itself, not served by our /metrics. */
const PROMETHEUS_OWN = new Set(['up']);

interface PrometheusConfig {
  rule_files: string[];
  scrape_configs: { job_name: string; static_configs?: { targets: string[] }[]; dns_sd_configs?: { names: string[]; type: string; port: number }[] }[];
}

interface RuleFile {
  groups: { rules: { alert: string; expr: string }[] }[];
}

const promtool = (cwd: string, ...args: string[]) => execFileSync(PROMTOOL, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

/** Every metric name our services register (`name: '...'` in the service kit's prom-client definitions). */
function registeredMetrics(): Set<string> {
  const dir = join(REPO_ROOT, 'packages', 'service-kit', 'src');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...repoFile('packages', 'service-kit', 'src', f).matchAll(/\bname: '([a-z_]+)'/g)].map((m) => m[1] as string));
  return new Set(names);
}

describe('Prometheus alert rules (infra/prometheus)', () => {
  it("when promtool runs the rules' unit tests, then each alert fires on the series that should raise it and stays quiet on healthy ones", () => {
    expect(promtool(PROMETHEUS_DIR, 'test', 'rules', 'alerts.test.yml')).toMatch(/SUCCESS/);
  });

  it('when an alert reads a metric, then a service registers it under that name (a renamed metric would silence the alert)', () => {
    const rules = repoYaml<RuleFile>('infra', 'prometheus', 'alerts.yml').groups.flatMap((g) => g.rules);
    const registered = registeredMetrics();
    // Each selector's matchers emptied first, so only the metric names before them are read.
    const read = rules.flatMap((r) => [...r.expr.replace(/\{[^}]*\}/g, '{}').matchAll(/\b([a-z_]+?)(?:_bucket|_count|_sum)?\{\}/g)].map((m) => m[1] as string));
    const unknown = read.filter((name) => !registered.has(name) && !PROMETHEUS_OWN.has(name));
    expect(rules.length).toBeGreaterThanOrEqual(6);
    expect(read).toEqual(expect.arrayContaining(['webhook_delivery_lag_seconds', 'queue_jobs', 'http_request_duration_seconds']));
    expect(unknown).toEqual([]);
  });
});

/** Where each deployment's Prometheus finds every replica: Docker's DNS name of the service, or Swarm's tasks.<service>. */
const DEPLOYMENTS = {
  compose: { config: ['infra', 'prometheus', 'prometheus.yml'], host: (service: string) => service },
  swarm: { config: ['infra', 'swarm', 'prometheus.yml'], host: (service: string) => `tasks.${service}` },
} as const;

describe.each(Object.keys(DEPLOYMENTS) as (keyof typeof DEPLOYMENTS)[])('Prometheus scraping the fleet (%s)', (deployment) => {
  const { config, host } = DEPLOYMENTS[deployment];
  const prometheus = repoYaml<PrometheusConfig>(...config);

  it('when Prometheus resolves its targets, then it scrapes every replica of the six services on its port, and Traefik', () => {
    const jobs = Object.fromEntries(prometheus.scrape_configs.map((c) => [c.job_name, c.dns_sd_configs ?? c.static_configs]));
    const expected = Object.fromEntries(Object.entries(FLEET).map(([service, port]) => [service, [{ names: [host(service)], type: 'A', port }]]));
    expect(jobs).toEqual({ ...expected, traefik: deployment === 'swarm' ? [{ names: ['tasks.traefik'], type: 'A', port: 8082 }] : [{ targets: ['traefik:8082'] }] });
    for (const service of Object.keys(FLEET)) expect(compose().services[service]?.environment?.PORT).toBe(String(FLEET[service]));
  });

  it('when Prometheus starts with the files as mounted, then promtool accepts the config and its alert rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vocalia-prometheus-'));
    try {
      copyFileSync(join(REPO_ROOT, ...config), join(dir, 'prometheus.yml'));
      copyFileSync(join(PROMETHEUS_DIR, 'alerts.yml'), join(dir, 'alerts.yml'));
      expect(prometheus.rule_files).toEqual(['alerts.yml']);
      expect(promtool(dir, 'check', 'config', 'prometheus.yml')).toMatch(/SUCCESS: 1 rule files found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Prometheus on Swarm (infra/swarm/vocalia.stack.yml)', () => {
  const stack = repoYaml<{ services: Record<string, { configs?: { source: string; target: string }[]; networks?: string[] }>; configs: Record<string, { file: string }> }>('infra', 'swarm', 'vocalia.stack.yml');

  it('when the stack is deployed, then Prometheus runs with the Swarm config and the same alert rules as compose, on the services network', () => {
    const svc = stack.services.prometheus;
    const mounted = Object.fromEntries((svc?.configs ?? []).map((c) => [c.target, stack.configs[c.source]?.file]));
    expect(mounted).toEqual({ '/etc/prometheus/prometheus.yml': './prometheus.yml', '/etc/prometheus/alerts.yml': '../prometheus/alerts.yml' });
    expect(svc?.networks).toEqual(['edge']);
    for (const service of Object.keys(FLEET)) expect(stack.services[service]?.networks).toContain('edge');
  });
});
