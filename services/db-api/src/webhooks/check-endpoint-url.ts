import { AppError, checkWebhookTarget } from '@vocalia/service-kit';
import type { Deps } from '../deps';

/** The normalised URL, or 400 naming `body.url`: https in production, never a private, loopback or metadata address. */
export async function checkEndpointUrl(deps: Deps, url: string): Promise<string> {
  const checked = await checkWebhookTarget(url, {
    requireHttps: deps.env.NODE_ENV === 'production',
    allowPrivate: deps.env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
  });
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', `body.url: ${checked.reason}`, { errors: [{ path: 'body.url', message: checked.reason, rule: checked.rule }] });
  return checked.url;
}
