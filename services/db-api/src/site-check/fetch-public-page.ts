import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from '@vocalia/service-kit';

const MAX_BYTES = 1024 * 1024;

export interface FetchedPage {
  status: number | null;
  html: string;
  /** Why there is no page (refused address, timeout, redirect...). */
  detail: string | null;
}

/** dns.lookup that refuses non-public addresses: checked on the addresses the socket connects to (no DNS rebinding). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new Error(`${hostname} resolves to ${refused.address}, not a public address`), '', 0);
      if ((options as LookupOptions).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
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
