import type { ConversationTurnJob } from '@vocalia/contracts';
import type { Prisma } from '@vocalia/db';

type Contact = NonNullable<ConversationTurnJob['contact']>;

export interface LeadOutcome {
  /** True only on the turn where the lead first became qualified. */
  qualifiedNow: boolean;
  score: number;
}

const QUALIFIED_OR_LATER = new Set(['qualified', 'won', 'lost']);

/** Keeps what is already known, adds what the turn learned (a contact detail is never erased by a turn). */
export function mergeContact(known: unknown, learned: Contact | undefined): Contact {
  const base = (known && typeof known === 'object' ? known : {}) as Contact;
  const fresh = Object.fromEntries(Object.entries(learned ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  return { ...base, ...fresh };
}

/**
 * The conversation's one Lead row, created once the visitor scores or leaves a contact, then kept in
 * step with the score and contact. It becomes `qualified`
 * (once: the status never goes back) when the score reaches the tenant's threshold or the engine says so.
 */
export async function applyLead(
  tx: Prisma.TransactionClient,
  conversation: { id: string; tenantId: string; leadScore: number; bant: unknown; contact: unknown },
  job: ConversationTurnJob,
  threshold: number,
): Promise<LeadOutcome> {
  const existing = await tx.lead.findUnique({ where: { conversationId: conversation.id } });
  const score = Math.round(conversation.leadScore);
  const contact = conversation.contact as Contact;
  // Every turn carries a score: a visitor who only asked questions (0, no contact) is not a lead yet.
  const known = Object.values(contact).some((v) => typeof v === 'string' && v !== '');
  if (!existing && score === 0 && !known && job.leadQualified !== true) return { qualifiedNow: false, score };
  const qualifies = score >= threshold || job.leadQualified === true;
  const wasQualified = existing ? QUALIFIED_OR_LATER.has(existing.status) : false;
  const qualifiedNow = qualifies && !wasQualified;
  const fields = {
    score,
    bant: (conversation.bant ?? {}) as Prisma.InputJsonValue,
    name: contact.name ?? existing?.name ?? null,
    email: contact.email ?? existing?.email ?? null,
    phone: contact.phone ?? existing?.phone ?? null,
  };
  await tx.lead.upsert({
    where: { conversationId: conversation.id },
    create: { tenantId: conversation.tenantId, conversationId: conversation.id, ...fields, status: qualifies ? 'qualified' : 'new' },
    update: { ...fields, ...(qualifiedNow ? { status: 'qualified' as const } : {}) },
  });
  return { qualifiedNow, score };
}
