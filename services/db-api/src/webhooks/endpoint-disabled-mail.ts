import type { WebhookDisableReason } from '@vocalia/db';
import type { Mail } from '../mail/mailer';

const WHY: Record<WebhookDisableReason, string> = {
  gone: 'it answered 410 Gone, which asks senders to stop',
  failing: 'every delivery to it has failed for 5 days',
};

/** To an owner: which endpoint stopped receiving events, why, and how to get them flowing again. */
export function endpointDisabledMail(to: string, input: { tenantName: string; url: string; reason: WebhookDisableReason }): Mail {
  return {
    to,
    subject: `VocalIA webhooks: an endpoint of ${input.tenantName} was disabled`,
    text: [
      'Hello,',
      `The webhook endpoint ${input.url} no longer receives events because ${WHY[input.reason]}.`,
      'Events since then are kept as failed deliveries: once the endpoint answers again, enable it in the dashboard (webhook endpoints) and replay them.',
      'The VocalIA team',
    ].join('\n\n'),
  };
}
