import type { OAuthProviderId } from '@vocalia/contracts';

/** The redirect URI registered with the provider: `<PUBLIC_BASE_URL>/oauth/<provider>/callback`. */
export const callbackUri = (publicBaseUrl: string, provider: OAuthProviderId): string => new URL(`/oauth/${provider}/callback`, publicBaseUrl).toString();
