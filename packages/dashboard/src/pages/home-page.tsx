import { useState } from 'preact/hooks';
import { t, uiLanguage } from '../i18n';
import { api, call, me } from '../session/client';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';

export function VerifyBanner() {
  const [sent, setSent] = useState(false);
  if (!me.value?.user || me.value.user.emailVerified) return null;
  return (
    <div class="notice" role="status">
      {t('verifyPending')}{' '}
      <button type="button" class="link" disabled={sent} onClick={() => void call(() => api.auth.resendVerification(uiLanguage.value)).then(() => setSent(true))}>
        {t('resendVerification')}
      </button>
    </div>
  );
}

export function HomePage() {
  const analytics = useLoad(() => api.analytics.get());
  const totals = analytics.data?.totals;
  return (
    <Shell title={t('navHome')}>
      <VerifyBanner />
      {analytics.error && <p class="form-error">{analytics.error}</p>}
      {totals && (
        <ul class="cards">
          <li class="card">
            <span class="figure">{totals.conversations}</span> <a href="#/conversations">{t('conversations')}</a>
          </li>
          <li class="card">
            <span class="figure">{totals.leads}</span> <a href="#/leads">{t('leads')}</a>
          </li>
          <li class="card">
            <span class="figure">{totals.bookings}</span> <a href="#/bookings">{t('bookings')}</a>
          </li>
          <li class="card">
            <span class="figure">{totals.handoffs}</span> {t('handoffs')}
          </li>
        </ul>
      )}
      <p>
        <a class="button" href="#/onboarding">
          {t('navOnboarding')}
        </a>
      </p>
    </Shell>
  );
}
