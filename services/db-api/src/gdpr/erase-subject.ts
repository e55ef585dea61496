import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';

export interface Subject {
  sessionId?: string;
  email?: string;
  phone?: string;
}

// Same number written nationally or internationally (0612345678 / +212612345678): compare the last 9 digits.
const PHONE_TAIL = 9;

/**
 * Deletes one end user's data: conversations found by session id, contact email or phone (with their
 * messages), the leads, bookings and calls tied to them or carrying that email or phone, the shop orders
 * and abandoned checkouts with that email (orders also through an erased lead), and the bodies of the
 * inbound provider events that name the email or phone.
 */
export async function eraseSubject(deps: Deps, auth: AuthContext, subject: Subject, confirm: boolean | undefined): Promise<Record<string, number>> {
  const by = (['sessionId', 'email', 'phone'] as const).filter((k) => subject[k]);
  if (!by.length || confirm !== true) {
    const message = 'To erase one person\'s data, send {"scope":"subject","sessionId"|"email"|"phone": "...","confirm":true}';
    const error = by.length ? { path: 'body.confirm', message: 'must be true', rule: 'confirmation_required' as const } : { path: 'body', message: 'name the person by sessionId, email or phone', rule: 'required' as const };
    throw new AppError('VALIDATION_FAILED', message, { errors: [error] });
  }
  const tenantId = auth.tenantId;
  const email = subject.email?.trim().toLowerCase() ?? null;
  const digits = subject.phone?.replace(/\D/g, '') ?? null;
  const tail = digits && digits.length >= PHONE_TAIL ? digits.slice(-PHONE_TAIL) : digits;
  const sessionId = subject.sessionId ?? null;
  // Looked for in free text (provider bodies) only when long enough not to match other numbers.
  const bodyTail = digits && digits.length >= PHONE_TAIL ? tail : null;
  const deleted = await deps.prisma.$transaction(async (tx) => {
    const conversations = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM conversations WHERE tenant_id = ${tenantId} AND (
        session_id = ${sessionId} OR lower(contact->>'email') = ${email} OR right(regexp_replace(contact->>'phone', '\\D', '', 'g'), ${PHONE_TAIL}) = ${tail})`;
    const ids = conversations.map((c) => c.id);
    const personal = (table: 'leads' | 'bookings') => tx.$executeRawUnsafe(
      `DELETE FROM ${table} WHERE tenant_id = $1 AND (conversation_id = ANY($2::text[]) OR lower(email) = $3 OR right(regexp_replace(phone, '\\D', '', 'g'), ${PHONE_TAIL}) = $4)`,
      tenantId, ids, email, tail,
    );
    // Shop rows keep only a masked phone, too weak to single a person out: matched by email or by an erased lead.
    const shopOrders = await tx.$executeRawUnsafe(
      `DELETE FROM shop_orders WHERE tenant_id = $1 AND (lower(email) = $2 OR lead_id IN (SELECT id FROM leads WHERE tenant_id = $1 AND (conversation_id = ANY($3::text[]) OR lower(email) = $2 OR right(regexp_replace(phone, '\\D', '', 'g'), ${PHONE_TAIL}) = $4)))`,
      tenantId, email, ids, tail,
    );
    const abandonedCheckouts = email ? (await tx.abandonedCheckout.deleteMany({ where: { tenantId, email } })).count : 0;
    // Provider bodies (Shopify, HubSpot, Klaviyo, Stripe) naming the person: the row stays for de-duplication, its body goes.
    const inboundPayloads = await tx.$executeRaw`
      UPDATE inbound_events SET payload = '{}'::jsonb WHERE tenant_id = ${tenantId} AND payload <> '{}'::jsonb AND (
        strpos(lower(payload::text), ${email}::text) > 0 OR strpos(payload::text, ${bodyTail}::text) > 0)`;
    const leads = await personal('leads');
    const bookings = await personal('bookings');
    const calls = await tx.call.deleteMany({ where: { tenantId, OR: [{ conversationId: { in: ids } }, ...(sessionId ? [{ callSid: sessionId }] : [])] } });
    const messages = await tx.message.deleteMany({ where: { tenantId, conversationId: { in: ids } } });
    const removed = await tx.conversation.deleteMany({ where: { tenantId, id: { in: ids } } });
    return { conversations: removed.count, messages: messages.count, leads, bookings, calls: calls.count, shopOrders, abandonedCheckouts, inboundPayloads };
  });
  // The identifiers themselves are personal data: the audit keeps which kinds were used, not their values.
  await recordAudit(deps, { tenantId, actor: actorOf(auth), action: 'gdpr.subject_erased', meta: { by, ...deleted } });
  return deleted;
}
