import type { OwnerMailTexts } from '.';

export const en: OwnerMailTexts = {
  locale: 'en',
  hello: 'Hello,',
  signature: 'The VocalIA team',
  billing: {
    subject: (tenant) => `VocalIA billing: ${tenant}`,
    reasons: {
      trial_ended: 'your free trial has ended',
      credits_exhausted: 'your trial credits are used up',
      payment_failed: 'your last payment failed',
      subscription_canceled: 'your subscription has ended',
    },
    otherReason: 'of a billing change',
    graceUntil: (date) => `until ${date}`,
    graceUntilUnknown: 'until the end of the grace period',
    trial: 'Your free trial is running.',
    active: 'Your subscription is active.',
    grace: (until, why) => `Your assistant keeps working ${until} because ${why}; choose a plan in Dashboard > Billing to keep it running.`,
    restricted: (why) => `Your assistant is paused because ${why}; visitors are told it is unavailable. Choose a plan in Dashboard > Billing to reactivate it at once.`,
  },
  quota: {
    subject: (tenant, usage) => `VocalIA usage: ${tenant} has used ${usage}`,
    used: (tenant, usage) => `${tenant} has used ${usage}.`,
    upgrade: 'Upgrade in Dashboard > Billing.',
    quotas: {
      conversationsPerMonth: {
        usage: (used, limit) => `${used} of the ${limit} conversations included this month`,
        warning: (percent) => `You have used ${percent} of your monthly conversations.`,
        stop: 'Your assistant now tells visitors it is unavailable until the next period or an upgrade.',
        overage: 'Further conversations this month are billed as overage.',
      },
      voiceMinutesIncluded: {
        usage: (used, limit) => `${used} of the ${limit} streaming voice minutes included this month`,
        warning: (percent) => `You have used ${percent} of your monthly streaming voice minutes.`,
        stop: "Your widget now speaks with the browser's own voice until the next period or an upgrade.",
      },
      telephonyMinutesPerMonth: {
        usage: (used, limit) => `${used} of the ${limit} phone minutes included this month`,
        warning: (percent) => `You have used ${percent} of your monthly phone minutes.`,
        stop: 'Calls to your numbers are now answered with a short apology and no outbound calls are placed until the next period.',
      },
    },
  },
  endpointDisabled: {
    subject: (tenant) => `VocalIA webhooks: an endpoint of ${tenant} was disabled`,
    reasons: { gone: 'it answered 410 Gone, which asks senders to stop', failing: 'every delivery to it has failed for 5 days' },
    stopped: (url, why) => `The webhook endpoint ${url} no longer receives events because ${why}.`,
    replay: 'Events since then are kept as failed deliveries: once the endpoint answers again, enable it in the dashboard (webhook endpoints) and replay them.',
  },
};
