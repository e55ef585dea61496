import type { OAuthProviderList } from '@vocalia/contracts';
import type { Deps } from '../deps';

/** Every provider, enabled or not: a sign-in page shows the buttons that work. */
export function listProviders(deps: Pick<Deps, 'providers'>): OAuthProviderList {
  return {
    providers: Object.values(deps.providers).map((p) => ({ id: p.id, name: p.name, enabled: p.enabled, startUrl: `/oauth/${p.id}/start` })),
  };
}
