import { OAuthProviderId, type ApiKeySummary, type Member } from '@vocalia/contracts';
import { t } from '../i18n';

/** Companies that write to the log themselves (payment and shop webhooks), by their own names. */
const SERVICES: Record<string, string> = { stripe: 'Stripe', shopify: 'Shopify' };
const PROVIDERS: Record<OAuthProviderId, string> = { google: 'Google', github: 'GitHub', slack: 'Slack' };

/**
 * Who did it, for a person to read: db-api writes `user:<id>`, `api_key:<id>`, `email:<address>` (a failed
 * sign-in), `system` or `system:<job>`, `operator`, `stripe`, `shopify` or `<oauth provider>:<subject>`.
 * A member shows as their email and a key by its name while they are listed; anything else unknown as it is.
 */
export function auditActor(actor: string, known: { members: Member[]; apiKeys: ApiKeySummary[] }): string {
  const colon = actor.indexOf(':');
  const kind = colon < 0 ? actor : actor.slice(0, colon);
  const id = colon < 0 ? '' : actor.slice(colon + 1);
  if (kind === 'user') return known.members.find((m) => m.userId === id)?.email ?? t('actorTeamMember');
  if (kind === 'api_key') {
    const key = known.apiKeys.find((k) => k.id === id);
    return key ? t('actorNamedApiKey', { name: key.name }) : t('actorApiKey');
  }
  if (kind === 'email' && id) return id;
  if (kind === 'system') return t('actorSystem');
  if (kind === 'operator') return t('actorOperator');
  if (Object.hasOwn(SERVICES, kind)) return SERVICES[kind] ?? actor;
  const provider = OAuthProviderId.safeParse(kind);
  return provider.success ? t('actorIdentity', { provider: PROVIDERS[provider.data] }) : actor;
}
