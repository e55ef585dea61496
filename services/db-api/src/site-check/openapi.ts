import { CheckSiteRequest, CheckSiteResponse } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

export const siteCheckRouteDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/widget/check-site',
    tag: 'Widget',
    summary: "Fetch a page of the customer's site (public addresses only, no redirects, 5 s, 1 MB) and say whether the snippet naming this tenant is on it and its origin allowed; 10 checks a minute per tenant",
    body: CheckSiteRequest,
    status: 200,
    response: CheckSiteResponse,
    errors: [429],
  },
];
