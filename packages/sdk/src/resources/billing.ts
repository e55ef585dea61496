import { BillingLink, BillingStatus, CreditEntryList, InvoiceList, type CheckoutRequest } from '@vocalia/contracts';
import type { HttpRequest } from '../http';

export function billingResource(request: HttpRequest) {
  return {
    /** State (trial, active, grace, restricted), why, trial and grace ends, credits, whether payments are configured. */
    status: () => request({ method: 'GET', path: '/api/v1/billing', response: BillingStatus }),
    credits: () => request({ method: 'GET', path: '/api/v1/billing/credits', response: CreditEntryList }),
    invoices: () => request({ method: 'GET', path: '/api/v1/billing/invoices', response: InvoiceList }),
    /** A Stripe Checkout URL for the plan; the plan changes once Stripe confirms the payment. */
    checkout: (plan: CheckoutRequest['plan']) => request({ method: 'POST', path: '/api/v1/billing/checkout', body: { plan }, response: BillingLink }),
    portal: () => request({ method: 'POST', path: '/api/v1/billing/portal', response: BillingLink }),
    /** Cancels at the end of the paid period. */
    cancel: () => request({ method: 'POST', path: '/api/v1/billing/cancel', response: BillingStatus }),
  };
}
