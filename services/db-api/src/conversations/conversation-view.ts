import type { Bant, ConversationDetail, ConversationSummary } from '@vocalia/contracts';
import type { Booking, Conversation, Lead, Message } from '@vocalia/db';

type Contact = ConversationSummary['contact'];

export function toConversationSummary(c: Conversation): ConversationSummary {
  return {
    id: c.id,
    sessionId: c.sessionId,
    channel: c.channel,
    agentId: c.agentId,
    origin: c.origin,
    language: c.language,
    status: c.status,
    leadScore: c.leadScore,
    messageCount: c.messageCount,
    contact: (c.contact ?? {}) as Contact,
    startedAt: c.startedAt.toISOString(),
    lastMessageAt: c.lastMessageAt.toISOString(),
  };
}

export function toMessageView(m: Message): ConversationDetail['messages'][number] {
  return { id: m.id, role: m.role, text: m.text, language: m.language, intent: m.intent, createdAt: m.createdAt.toISOString() };
}

export function toLeadView(l: Lead): NonNullable<ConversationDetail['lead']> {
  return { id: l.id, score: l.score, bant: (l.bant ?? {}) as Partial<Bant>, name: l.name, email: l.email, phone: l.phone, status: l.status, createdAt: l.createdAt.toISOString() };
}

export function toBookingView(b: Booking): ConversationDetail['bookings'][number] {
  return {
    id: b.id,
    requestedDate: b.requestedDate,
    requestedTime: b.requestedTime,
    service: b.service,
    name: b.name,
    email: b.email,
    phone: b.phone,
    note: b.note,
    status: b.status,
    createdAt: b.createdAt.toISOString(),
  };
}
