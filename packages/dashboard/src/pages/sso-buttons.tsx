import { useEffect, useState } from 'preact/hooks';
import type { OAuthProviderList } from '@vocalia/contracts';
import { t } from '../i18n';
import { api } from '../session/client';

/** One link per enabled provider of oauth-gateway; nothing when the gateway does not answer or none is enabled. */
export function SsoButtons() {
  const [providers, setProviders] = useState<OAuthProviderList['providers']>([]);
  useEffect(() => {
    api.auth
      .ssoProviders()
      .then((list) => setProviders(list.providers.filter((p) => p.enabled)))
      .catch(() => setProviders([]));
  }, []);
  if (providers.length === 0) return null;
  return (
    <ul class="sso" data-test="sso">
      {providers.map((p) => (
        <li key={p.id}>
          <a class="button secondary" href={`/oauth/${encodeURIComponent(p.id)}/start?redirect=${encodeURIComponent('/app/')}`}>
            {t('signInWith')} {p.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
