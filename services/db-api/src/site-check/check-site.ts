import type { CheckSiteRequest, CheckSiteResponse } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { fetchPublicPage } from './fetch-public-page';

const TIMEOUT_MS = 5000;

/** The tenant id as the snippet, VocaliaConfig or the meta tag carry it. */
function mentionsTenant(html: string, tenantId: string): boolean {
  const id = tenantId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [new RegExp(`data-vocalia-tenant=["']${id}["']`), new RegExp(`tenantId\\s*:\\s*["']${id}["']`), new RegExp(`name=["']vocalia-tenant["'][^>]*content=["']${id}["']`)].some((re) =>
    re.test(html),
  );
}

/** "Check my site": is the snippet on the page, and is the page's origin allowed? */
export async function checkSite(deps: Deps, tenantId: string, input: CheckSiteRequest): Promise<CheckSiteResponse> {
  const url = new URL(input.url);
  const [page, allowed] = await Promise.all([
    fetchPublicPage(url, { allowPrivate: deps.env.SITE_CHECK_ALLOW_PRIVATE_TARGETS, timeoutMs: TIMEOUT_MS }),
    deps.prisma.allowedOrigin.findFirst({ where: { tenantId, origin: url.origin }, select: { id: true } }),
  ]);
  return {
    url: url.toString(),
    origin: url.origin,
    status: page.status,
    snippetFound: page.status !== null && page.status < 300 && mentionsTenant(page.html, tenantId),
    originAllowed: allowed !== null,
    problem: page.problem,
    ...(page.location === undefined ? {} : { location: page.location }),
    detail: page.detail,
  };
}
