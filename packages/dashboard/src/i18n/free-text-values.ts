/**
 * Values the API sends as free text rather than a contract enum, that this build names: Stripe's invoice
 * statuses, Twilio's call statuses and the audit actions db-api writes. Any other value is shown as it is.
 */
export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'uncollectible', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const CALL_STATUSES = ['queued', 'initiated', 'ringing', 'answered', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const AUDIT_ACTIONS = [
  'auth.registered',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reused',
  'auth.password_changed',
  'auth.password_reset',
  'auth.identity_linked',
  'auth.identity_unlinked',
  'auth.identity_unlink_refused',
  'auth.oauth_refused',
  'tenant.updated',
  'widget.updated',
  'origin.added',
  'origin.removed',
  'member.invited',
  'member.invitation_revoked',
  'member.added',
  'member.removed',
  'member.role_changed',
  'api_key.created',
  'api_key.rotated',
  'api_key.revoked',
  'agent.created',
  'agent.updated',
  'agent.deleted',
  'knowledge.document_created',
  'knowledge.document_deleted',
  'catalog.imported',
  'lead.qualified',
  'lead.status_changed',
  'booking.status_changed',
  'call.outbound_queued',
  'phone_number.bought',
  'phone_number.updated',
  'phone_number.released',
  'integration.connected',
  'integration.disconnected',
  'webhook_endpoint.created',
  'webhook_endpoint.updated',
  'webhook_endpoint.deleted',
  'webhook_endpoint.disabled',
  'webhook_endpoint.secret_rotated',
  'webhook_endpoint.test_sent',
  'webhook_endpoint.resent_failed',
  'webhook_delivery.replayed',
  'plan.changed',
  'billing.checkout_started',
  'billing.cancel_requested',
  'billing.status_changed',
  'billing.quota_notice',
  'gdpr.exported',
  'gdpr.subject_erased',
  'gdpr.tenant_erased',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
