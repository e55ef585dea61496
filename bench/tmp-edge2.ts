import { startBaseline, startEdge, urlOf } from './support/servers';
import autocannon from 'autocannon';
import { execSync } from 'node:child_process';
(async () => {
  const base = await startBaseline();
  const edge = await startEdge(Number(new URL(urlOf(base)).port));
  process.stdout.write(execSync(`curl -s -i -X POST -H 'content-type: application/json' -d '{"a":1}' ${edge.url}/respond`).toString() + '\n');
  for (const body of ['{"a":1}', undefined]) {
    const r = await autocannon({ url: edge.url + '/respond', method: 'POST', connections: 1, duration: 2, headers: { 'content-type': 'application/json' }, body });
    process.stdout.write(`body ${body}: rps ${r.requests.average} p50 ${r.latency.p50} errors ${r.errors} timeouts ${r.timeouts}\n`);
  }
  process.exit(0);
})();
