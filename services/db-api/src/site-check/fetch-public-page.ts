import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { SiteCheckProblem } from '@vocalia/contracts';
import { guardedLookup, isPublicAddress } from '@vocalia/service-kit';

const MAX_BYTES = 1024 * 1024;

export interface FetchedPage {
  status: number | null;
  html: string;
  /** Why there is no page to check, as a code and in words (refused address, timeout, redirect...). */
  problem: SiteCheckProblem | null;
  detail: string | null;
  location?: string;
}

const UNKNOWN_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME']);

/** The kind of a failed connection, by the error Node gives. */
function problemOf(err: Error & { code?: string }): SiteCheckProblem {
  if (err.name === 'AbortError') return 'timeout';
  if (err.name === 'RefusedTargetError') return 'private_address';
  const code = err.code ?? '';
  if (UNKNOWN_HOST.has(code)) return 'unknown_host';
  if (/CERT|TLS|SSL/.test(code)) return 'tls';
  return 'unreachable';
}

/**
 * One GET of a customer's page, SSRF-guarded (OWASP API7): public addresses only, checked at connect
 * time; an IP literal checked before; no redirect followed; at most 1 MB read and `timeoutMs` in all.
 */
export function fetchPublicPage(url: URL, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<FetchedPage> {
  return new Promise((resolve) => {
    const fail = (problem: SiteCheckProblem, detail: string) => resolve({ status: null, html: '', problem, detail });
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!opts.allowPrivate && isIP(literal) && !isPublicAddress(literal)) return fail('private_address', `${literal} is not a public address`);
    const secure = url.protocol === 'https:';
    const req = (secure ? https : http).request(url, {
      method: 'GET',
      lookup: guardedLookup(opts.allowPrivate),
      headers: { accept: 'text/html', 'user-agent': 'VocalIA-SiteCheck/1' },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    req.on('error', (err) => fail(problemOf(err), err.name === 'AbortError' ? `no answer within ${opts.timeoutMs} ms` : err.message));
    req.on('response', (res) => {
      const status = res.statusCode ?? null;
      if (status !== null && status >= 300 && status < 400) {
        res.resume();
        const location = res.headers.location ?? '(no location)';
        return resolve({ status, html: '', problem: 'redirect', location, detail: `redirects to ${location}: check that address instead` });
      }
      const chunks: Buffer[] = [];
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        if (read < MAX_BYTES) chunks.push(chunk.subarray(0, MAX_BYTES - read));
        read += chunk.length;
        if (read >= MAX_BYTES) res.destroy();
      });
      const failed = status === null || status >= 400;
      res.on('close', () => resolve({ status, html: Buffer.concat(chunks).toString('utf8'), problem: failed ? 'http_error' : null, detail: failed ? `the page answers HTTP ${status}` : null }));
    });
    req.end();
  });
}
