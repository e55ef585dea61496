import { z } from 'zod';
import { PlanId } from '../plans';
import { IsoDateTime } from './db-api-common';
import { TenantStatusName } from './db-api-auth';

/** Why a tenant is in grace or restricted. */
export const BillingStatusReason = z.enum(['trial_ended', 'credits_exhausted', 'payment_failed', 'subscription_canceled']);
export type BillingStatusReason = z.infer<typeof BillingStatusReason>;

/** The tenant status as the product names it: past_due is the grace state, suspended is restricted. */
export const BillingState = z.enum(['trial', 'active', 'grace', 'restricted']);
export type BillingState = z.infer<typeof BillingState>;

export const BILLING_STATE_OF: Record<z.infer<typeof TenantStatusName>, BillingState> = {
  trialing: 'trial',
  active: 'active',
  past_due: 'grace',
  suspended: 'restricted',
};

/** `GET /api/v1/billing`. */
export const BillingStatus = z.object({
  plan: PlanId,
  status: TenantStatusName,
  state: BillingState,
  reason: BillingStatusReason.nullable(),
  /** A sentence for the owner: what happens next and how to fix it. */
  detail: z.string(),
  trialEndsAt: IsoDateTime.nullable(),
  graceEndsAt: IsoDateTime.nullable(),
  creditBalanceCents: z.number().int(),
  /** `stripe` when payments are configured; otherwise plans change only by the operator's command (or `PUT /api/v1/plan` outside production). */
  payments: z.enum(['stripe', 'not_configured']),
  /** When a cancelled subscription ends (the plan holds until then). */
  cancelAt: IsoDateTime.nullable(),
});
export type BillingStatus = z.infer<typeof BillingStatus>;

export const CreditEntry = z.object({
  id: z.string(),
  deltaCents: z.number().int(),
  reason: z.string(),
  balanceAfterCents: z.number().int(),
  createdAt: IsoDateTime,
});
export const CreditEntryList = z.object({ items: z.array(CreditEntry) });
export type CreditEntryList = z.infer<typeof CreditEntryList>;

/** `POST /api/v1/billing/checkout`: the plan to subscribe to. */
export const CheckoutRequest = z.object({ plan: PlanId });
export type CheckoutRequest = z.infer<typeof CheckoutRequest>;

/** A Stripe-hosted page to send the owner to (Checkout Session or customer portal). */
export const BillingLink = z.object({ url: z.url() });
export type BillingLink = z.infer<typeof BillingLink>;

export const InvoiceSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  /** Stripe's: draft, open, paid, uncollectible, void. */
  status: z.string().nullable(),
  currency: z.string(),
  totalCents: z.number().int(),
  amountPaidCents: z.number().int(),
  createdAt: IsoDateTime,
  hostedInvoiceUrl: z.string().nullable(),
  pdfUrl: z.string().nullable(),
});
/** `GET /api/v1/billing/invoices`: the newest 24, from Stripe. */
export const InvoiceList = z.object({ items: z.array(InvoiceSummary) });
export type InvoiceList = z.infer<typeof InvoiceList>;
