import type { Page, Request } from 'playwright-core';

const pending = new WeakMap<Page, Set<Request>>();

/**
 * Counts the page's own fetch/XHR calls in flight (not the frames it embeds, not its assets), so a
 * test can wait for the data of a page to be there. Call it before the page navigates.
 */
export function trackApiCalls(page: Page): Page {
  const inFlight = new Set<Request>();
  pending.set(page, inFlight);
  page.on('request', (r) => {
    if ((r.resourceType() === 'fetch' || r.resourceType() === 'xhr') && r.frame() === page.mainFrame()) inFlight.add(r);
  });
  const done = (r: Request) => void inFlight.delete(r);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return page;
}

/**
 * Resolves once the page has had no API call in flight for `quietMs`. Unlike Playwright's
 * `networkidle`, an embedded frame's traffic does not hold it up; a call that never ends fails the
 * wait with its URL.
 */
export async function apiCallsSettled(page: Page, quietMs = 300, timeoutMs = 30_000): Promise<void> {
  const inFlight = pending.get(page);
  if (!inFlight) throw new Error('apiCallsSettled needs trackApiCalls(page) before the page navigates');
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  for (;;) {
    if (inFlight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`API calls still in flight after ${timeoutMs} ms: ${[...inFlight].map((r) => `${r.method()} ${r.url()}`).join(', ')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
