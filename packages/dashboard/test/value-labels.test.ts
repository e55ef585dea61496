import { Bant, BookingStatus, CallSummary, Channel, ConversationStatus, DomainEventType, Intent, InvitationStatus, LANGUAGES, LeadStatus, MembershipRoleName, MessageView, OutboundCallReason, PhoneNumberCapability, ProblemFieldRule, SiteCheckProblem, WEBHOOK_TEST_EVENT_TYPE, WebhookDeliveryView } from '@vocalia/contracts';
import { UI_LANGUAGES, VALUE_LABELS } from '../src/i18n/catalogues';
import { AUDIT_ACTIONS, CALL_STATUSES, INVOICE_STATUSES } from '../src/i18n/free-text-values';
import { labelIn, type ValueKind } from '../src/i18n/value-labels';

/** Every value the API can send for each kind, read from the contracts (not from the label maps); for free text, the values this build knows. */
const VALUES: Record<ValueKind, readonly string[]> = {
  leadStatus: LeadStatus.options,
  conversationStatus: ConversationStatus.options,
  bookingStatus: BookingStatus.options,
  channel: Channel.options,
  intent: Intent.options,
  language: LANGUAGES,
  role: MembershipRoleName.options,
  invitationStatus: InvitationStatus.options,
  messageRole: MessageView.shape.role.options,
  callDirection: CallSummary.shape.direction.options,
  callReason: OutboundCallReason.options,
  fieldRule: ProblemFieldRule.options,
  siteProblem: SiteCheckProblem.options,
  bantAxis: Bant.keyof().options,
  webhookEvent: [...DomainEventType.options, WEBHOOK_TEST_EVENT_TYPE],
  webhookDeliveryStatus: WebhookDeliveryView.shape.status.options,
  phoneCapability: PhoneNumberCapability.options,
  invoiceStatus: INVOICE_STATUSES,
  callStatus: CALL_STATUSES,
  auditAction: AUDIT_ACTIONS,
};
const KINDS = Object.keys(VALUES) as ValueKind[];

describe('labels of the API values (statuses, channels, intents, languages, roles)', () => {
  it.each(UI_LANGUAGES)('when the interface is in %s, then every value of every contract enum has its own label, and no label is left for a value the API no longer sends', (lang) => {
    for (const kind of KINDS) {
      const names: Record<string, string> = VALUE_LABELS[lang][kind];
      expect(Object.keys(names).sort()).toEqual([...VALUES[kind]].sort());
      const labels = VALUES[kind].map((value) => labelIn(VALUE_LABELS[lang], kind, value));
      for (const text of labels) expect(text).toMatch(/^\S(.*\S)?$/);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('when the interface is in French, Spanish, Arabic or Darija, then the statuses, intents, roles, audit actions, webhook events and call reasons are not the English words or the raw values', () => {
    for (const lang of ['fr', 'es', 'ar', 'ary'] as const) {
      for (const kind of ['leadStatus', 'conversationStatus', 'bookingStatus', 'intent', 'role', 'invitationStatus', 'fieldRule', 'siteProblem', 'webhookEvent', 'webhookDeliveryStatus', 'invoiceStatus', 'callStatus', 'auditAction', 'callReason'] as const) {
        for (const value of VALUES[kind]) {
          const text = labelIn(VALUE_LABELS[lang], kind, value);
          expect([value, labelIn(VALUE_LABELS.en, kind, value)]).not.toContain(text);
        }
      }
    }
  });

  it('when the interface is in Arabic or Darija, then every label is written in Arabic script (the acronym API aside)', () => {
    for (const lang of ['ar', 'ary'] as const) {
      for (const kind of KINDS) {
        for (const value of VALUES[kind]) expect(labelIn(VALUE_LABELS[lang], kind, value).replace('API', '')).toMatch(/\p{Script=Arabic}/u);
      }
    }
  });

  it('when a label has placeholders ({limit}, {status}, {location}), then it has the same ones in every language, and a rule about https shows https:// as it is', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of UI_LANGUAGES) {
      for (const kind of KINDS) {
        for (const value of VALUES[kind]) expect([kind, value, placeholders(labelIn(VALUE_LABELS[lang], kind, value))]).toEqual([kind, value, placeholders(labelIn(VALUE_LABELS.en, kind, value))]);
      }
      for (const rule of ['invalid_url', 'https_required'] as const) expect(VALUE_LABELS[lang].fieldRule[rule]).toContain('https://');
    }
  });

  it('when the API sends a value this dashboard does not know (a newer status, channel or intent), then it is shown as it is', () => {
    expect(labelIn(VALUE_LABELS.fr, 'leadStatus', 'archived')).toBe('archived');
    expect(labelIn(VALUE_LABELS.fr, 'channel', 'whatsapp')).toBe('whatsapp');
    expect(labelIn(VALUE_LABELS.ar, 'intent', 'refund')).toBe('refund');
    expect(labelIn(VALUE_LABELS.fr, 'language', 'de')).toBe('de');
    // Names every object has: a plain lookup would answer with a function or the prototype.
    expect(labelIn(VALUE_LABELS.fr, 'intent', 'constructor')).toBe('constructor');
    expect(labelIn(VALUE_LABELS.fr, 'intent', '__proto__')).toBe('__proto__');
    expect(labelIn(VALUE_LABELS.fr, 'leadStatus', 'qualified')).toBe('Qualifié');
    // Free text in the API: a provider's new call or invoice status, an audit action db-api added since.
    expect(labelIn(VALUE_LABELS.fr, 'callStatus', 'voicemail')).toBe('voicemail');
    expect(labelIn(VALUE_LABELS.es, 'invoiceStatus', 'refunded')).toBe('refunded');
    expect(labelIn(VALUE_LABELS.ary, 'auditAction', 'sso.configured')).toBe('sso.configured');
    expect(labelIn(VALUE_LABELS.fr, 'callStatus', 'no-answer')).toBe('Sans réponse');
    expect(labelIn(VALUE_LABELS.fr, 'auditAction', 'agent.created')).toBe('Agent créé');
    // A webhook event or call reason added to the API since.
    expect(labelIn(VALUE_LABELS.fr, 'webhookEvent', 'order.created')).toBe('order.created');
    expect(labelIn(VALUE_LABELS.es, 'callReason', 'reminder')).toBe('reminder');
    expect(labelIn(VALUE_LABELS.fr, 'webhookEvent', 'lead.qualified')).toBe('Prospect qualifié');
    expect(labelIn(VALUE_LABELS.fr, 'callReason', 'cart_recovery')).toBe('Relance de panier abandonné');
  });
});
