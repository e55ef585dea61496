import { BillingLink, BillingStatus, CheckoutRequest, CreditEntryList, InvoiceList } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Billing';
const owner: RouteDoc['roles'] = ['owner'];

export const billingRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/billing', tag, summary: 'Billing state (trial, active, grace, restricted), why, trial and grace ends, credit balance, whether payments are configured', status: 200, response: BillingStatus },
  { method: 'get', path: '/api/v1/billing/credits', tag, summary: 'The newest 100 credit ledger entries: trial grant and usage burns', status: 200, response: CreditEntryList },
  { method: 'get', path: '/api/v1/billing/invoices', tag, summary: 'The newest 24 Stripe invoices of the tenant (409 when payments are not configured)', status: 200, response: InvoiceList, errors: [409] },
  { method: 'post', path: '/api/v1/billing/checkout', tag, roles: owner, summary: 'A Stripe Checkout Session URL to subscribe to a plan; the plan changes when Stripe confirms (409 when payments are not configured or the plan is already held)', body: CheckoutRequest, status: 201, response: BillingLink, errors: [409, 503] },
  { method: 'post', path: '/api/v1/billing/portal', tag, roles: owner, summary: 'A Stripe customer-portal URL: invoices, payment method, plan change, cancellation', status: 201, response: BillingLink, errors: [409] },
  { method: 'post', path: '/api/v1/billing/cancel', tag, roles: owner, summary: 'Cancel the subscription at the end of the paid period', status: 200, response: BillingStatus, errors: [409] },
];
