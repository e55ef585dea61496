import { OAuthProviderId } from '@vocalia/contracts';
import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import type { ProviderClient } from '../providers/provider-client';

/** The provider a path names; 404 for an unknown one, and for one without credentials (it is listed disabled). */
export function findProvider(deps: Pick<Deps, 'providers'>, name: string): ProviderClient {
  const id = OAuthProviderId.safeParse(name);
  if (!id.success) throw notFound(`Sign-in provider ${name}`);
  const provider = deps.providers[id.data];
  if (!provider.enabled) throw new AppError('NOT_FOUND', `${provider.name} sign-in is not configured on this server`);
  return provider;
}
