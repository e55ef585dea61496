import { startBaseline, startEdge, urlOf } from './support/servers';
import http from 'node:http';
(async () => {
  const base = await startBaseline();
  const edge = await startEdge(Number(new URL(urlOf(base)).port));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = (url: string) => new Promise<number>((resolve, reject) => {
    const t = performance.now();
    const req = http.request(url + '/respond', { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => { res.resume(); res.on('end', () => resolve(performance.now() - t)); });
    req.on('error', reject); req.end('{"a":1}');
  });
  for (const [name, url] of [['direct', urlOf(base)], ['edge', edge.url]]) {
    const lat: number[] = [];
    for (let i = 0; i < 200; i++) lat.push(await once(url!));
    lat.sort((a, b) => a - b);
    process.stdout.write(`${name}: p50 ${lat[100]!.toFixed(2)} p99 ${lat[198]!.toFixed(2)}\n`);
  }
  process.exit(0);
})();
