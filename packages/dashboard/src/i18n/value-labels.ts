import type { Bant, BookingStatus, CallSummary, Channel, ConversationDetail, ConversationStatus, DomainEventType, Intent, InvitationStatus, Language, LeadStatus, MembershipRoleName, OutboundCallReason, PhoneNumberCapability, ProblemFieldRule, SiteCheckProblem, WEBHOOK_TEST_EVENT_TYPE, WebhookDeliveryView } from '@vocalia/contracts';
import type { AuditAction, CallStatus, InvoiceStatus } from './free-text-values';

/** What the API's machine values are called in one interface language: every value of each contract enum (the type fails on a missing one). */
export interface ValueLabels {
  leadStatus: Record<LeadStatus, string>;
  conversationStatus: Record<ConversationStatus, string>;
  bookingStatus: Record<BookingStatus, string>;
  channel: Record<Channel, string>;
  intent: Record<Intent, string>;
  language: Record<Language, string>;
  role: Record<MembershipRoleName, string>;
  invitationStatus: Record<InvitationStatus, string>;
  messageRole: Record<ConversationDetail['messages'][number]['role'], string>;
  callDirection: Record<CallSummary['direction'], string>;
  /** Why an outbound call was placed (`CallSummary.reason`). */
  callReason: Record<OutboundCallReason, string>;
  /** What a refused field broke (`ProblemField.rule`); `{limit}` stands for the rule's number. */
  fieldRule: Record<ProblemFieldRule, string>;
  /** Why "check my site" could not read the page; `{status}` and `{location}` stand for the answer's. */
  siteProblem: Record<SiteCheckProblem, string>;
  bantAxis: Record<keyof Bant, string>;
  /** The events a webhook endpoint subscribes to, and the test event's deliveries. */
  webhookEvent: Record<DomainEventType | typeof WEBHOOK_TEST_EVENT_TYPE, string>;
  webhookDeliveryStatus: Record<WebhookDeliveryView['status'], string>;
  phoneCapability: Record<PhoneNumberCapability, string>;
  /** Stripe's invoice statuses, Twilio's call statuses and db-api's audit actions: the ones this build knows (free text in the API). */
  invoiceStatus: Record<InvoiceStatus, string>;
  callStatus: Record<CallStatus, string>;
  auditAction: Record<AuditAction, string>;
}
export type ValueKind = keyof ValueLabels;

/** The label of an API value this build knows, or undefined (a value sent by a newer API). */
export function knownLabelIn(labels: ValueLabels, kind: ValueKind, value: string): string | undefined {
  const names: Record<string, string> = labels[kind];
  return (Object.hasOwn(names, value) && names[value]) || undefined;
}

/** The label of an API value; a value this build does not know (sent by a newer API) is shown as it is. */
export function labelIn(labels: ValueLabels, kind: ValueKind, value: string): string {
  return knownLabelIn(labels, kind, value) ?? value;
}
