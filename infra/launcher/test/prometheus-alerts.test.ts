import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/paths';
import { repoFile, repoYaml } from './repo-files';

const PROMETHEUS_DIR = join(REPO_ROOT, 'infra', 'prometheus');
/** Installed by infra/scripts/ensure-test-services.sh (Debian's `prometheus` package). */
const PROMTOOL = process.env.PROMTOOL ?? 'promtool';
/** Series Prometheus makes itself, not served by our /metrics. */
const PROMETHEUS_OWN = new Set(['up']);

interface RuleFile {
  groups: { rules: { alert: string; expr: string }[] }[];
}

const promtool = (...args: string[]) => execFileSync(PROMTOOL, args, { cwd: PROMETHEUS_DIR, encoding: 'utf8', stdio: 'pipe' });

/** Every metric name our services register (`name: '...'` in the service kit's prom-client definitions). */
function registeredMetrics(): Set<string> {
  const dir = join(REPO_ROOT, 'packages', 'service-kit', 'src');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...repoFile('packages', 'service-kit', 'src', f).matchAll(/\bname: '([a-z_]+)'/g)].map((m) => m[1] as string));
  return new Set(names);
}

describe('Prometheus alert rules (infra/prometheus)', () => {
  it('when promtool checks the config, then it is valid and loads the alert rules', () => {
    expect(promtool('check', 'config', 'prometheus.yml')).toMatch(/SUCCESS: 1 rule files found/);
  });

  it("when promtool runs the rules' unit tests, then each alert fires on the series that should raise it and stays quiet on healthy ones", () => {
    expect(promtool('test', 'rules', 'alerts.test.yml')).toMatch(/SUCCESS/);
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
