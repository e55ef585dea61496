import type { InvoiceList } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { requireStripe } from './require-stripe';

const LIMIT = 24;

/** The tenant's newest Stripe invoices (none before its first checkout). */
export async function listInvoices(deps: Deps, tenantId: string): Promise<InvoiceList> {
  const stripe = requireStripe(deps);
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { stripeCustomerId: true } });
  if (!tenant?.stripeCustomerId) return { items: [] };
  const invoices = await stripe.invoices.list({ customer: tenant.stripeCustomerId, limit: LIMIT });
  return {
    items: invoices.data.map((i) => ({
      id: i.id ?? '',
      number: i.number ?? null,
      status: i.status ?? null,
      currency: i.currency,
      totalCents: i.total,
      amountPaidCents: i.amount_paid,
      createdAt: new Date(i.created * 1000).toISOString(),
      hostedInvoiceUrl: i.hosted_invoice_url ?? null,
      pdfUrl: i.invoice_pdf ?? null,
    })),
  };
}
