import type { BillingState, BillingStatus, BillingStatusReason } from '@vocalia/contracts';
import { formatDate, t, type MessageKey } from '../i18n';

const STATE_LABEL: Record<BillingState, MessageKey> = { trial: 'stateTrial', active: 'stateActive', grace: 'stateGrace', restricted: 'stateRestricted' };

const REASON: Record<BillingStatusReason, MessageKey> = {
  trial_ended: 'reasonTrialEnded',
  credits_exhausted: 'reasonCreditsExhausted',
  payment_failed: 'reasonPaymentFailed',
  subscription_canceled: 'reasonSubscriptionCanceled',
};

const CREDIT_REASON: Record<string, MessageKey> = {
  trial_grant: 'creditTrialGrant',
  'usage:conversation': 'creditConversation',
  'usage:voice_seconds': 'minutes',
  'usage:telephony_seconds': 'phoneMinutes',
  'usage:api_call': 'apiCalls',
};

/** The tenant's billing state in the interface's language (db-api's `detail` is the English sentence its mails use). */
export function billingStateLabel(state: BillingState): string {
  return t(STATE_LABEL[state]);
}

/** What the state means for the assistant, and why, in the interface's language. */
export function billingSentence(status: Pick<BillingStatus, 'state' | 'reason' | 'graceEndsAt'>): string {
  const why = t(status.reason ? REASON[status.reason] : 'reasonOther');
  switch (status.state) {
    case 'trial':
      return t('billingTrial');
    case 'active':
      return t('billingActive');
    case 'grace':
      return t('billingGrace', { date: status.graceEndsAt ? formatDate(status.graceEndsAt) : '…', why });
    case 'restricted':
      return t('billingRestricted', { why });
  }
}

/** A credit movement's reason (`trial_grant`, `usage:conversation`…) named for the owner; an unknown one as it is. */
export function creditReason(reason: string): string {
  const key = CREDIT_REASON[reason];
  return key ? t(key) : reason;
}

/** Without Stripe the plans table has no button: say how a plan changes instead of leaving the owner at a dead end. */
export function PaymentsNotConfigured() {
  return (
    <p class="notice" data-test="payments-not-configured">
      {t('paymentsNotConfigured')}
    </p>
  );
}
