import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPublicAddress } from '@vocalia/service-kit';

const MAX_BYTES = 1024 * 1024;

export interface FetchedPage {
  status: number | null;
  html: string;
  /** Why there is no page (refused address, timeout, redirect...). */
  detail: string | null;
}

/**
 * One GET of a customer's page, SSRF-guarded (OWASP API7): public addresses only, checked at connect
 * time; an IP literal checked before; no redirect followed; at most 1 MB read and `timeoutMs` in all.
 */
export function fetchPublicPage(url: URL, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<FetchedPage> {
  return new Promise((resolve) => {
    const fail = (detail: string) => resolve({ status: null, html: '', detail });
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!opts.allowPrivate && isIP(literal) && !isPublicAddress(literal)) return fail(`${literal} is not a public address`);
    const secure = url.protocol === 'https:';
    const req = (secure ? https : http).request(url, {
      method: 'GET',
      lookup: guardedLookup(opts.allowPrivate),
      headers: { accept: 'text/html', 'user-agent': 'VocalIA-SiteCheck/1' },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    req.on('error', (err) => fail(err.name === 'AbortError' ? `no answer within ${opts.timeoutMs} ms` : err.message));
    req.on('response', (res) => {
      const status = res.statusCode ?? null;
      if (status !== null && status >= 300 && status < 400) {
        res.resume();
        return resolve({ status, html: '', detail: `redirects to ${res.headers.location ?? '(no location)'}: check that address instead` });
      }
      const chunks: Buffer[] = [];
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        if (read < MAX_BYTES) chunks.push(chunk.subarray(0, MAX_BYTES - read));
        read += chunk.length;
        if (read >= MAX_BYTES) res.destroy();
      });
      res.on('close', () => resolve({ status, html: Buffer.concat(chunks).toString('utf8'), detail: null }));
    });
    req.end();
  });
}
