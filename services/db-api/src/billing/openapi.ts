import { BillingStatus, CreditEntryList } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Billing';

export const billingRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/billing', tag, summary: 'Billing state (trial, active, grace, restricted), why, trial and grace ends, credit balance, whether payments are configured', status: 200, response: BillingStatus },
  { method: 'get', path: '/api/v1/billing/credits', tag, summary: 'The newest 100 credit ledger entries: trial grant and usage burns', status: 200, response: CreditEntryList },
];
