import { useEffect } from 'preact/hooks';
import { applyLanguage, t, uiLanguage } from './i18n';
import { currentHash, navigate, route } from './router';
import { me, openSession, sessionChecked } from './session/client';
import { ForgotPasswordPage, InvitationPage, ResetPasswordPage, SignInPage, SignUpPage, VerifyEmailPage } from './pages/auth-pages';
import { AgentsPage } from './pages/agents-page';
import { AnalyticsPage } from './pages/analytics-page';
import { BillingPage } from './pages/billing-page';
import { BookingsPage } from './pages/bookings-page';
import { CallPage } from './pages/call-page';
import { CallsPage } from './pages/calls-page';
import { CatalogPage } from './pages/catalog-page';
import { ConversationPage, ConversationsPage } from './pages/conversations-page';
import { HomePage } from './pages/home-page';
import { InstallPage } from './pages/install-page';
import { IntegrationsPage } from './pages/integrations-page';
import { KnowledgePage } from './pages/knowledge-page';
import { LeadsPage } from './pages/leads-page';
import { OnboardingPage } from './pages/onboarding-page';
import { SettingsPage } from './pages/settings-page';

/** Pages anyone can open (mailed links included); every other page needs a session. */
const PUBLIC = {
  '/sign-in': SignInPage,
  '/sign-up': SignUpPage,
  '/verify-email': VerifyEmailPage,
  '/forgot-password': ForgotPasswordPage,
  '/reset-password': ResetPasswordPage,
  '/invitation': InvitationPage,
} as const;

const PRIVATE = {
  '/': HomePage,
  '/onboarding': OnboardingPage,
  '/install': InstallPage,
  '/conversations': ConversationsPage,
  '/calls': CallsPage,
  '/leads': LeadsPage,
  '/bookings': BookingsPage,
  '/analytics': AnalyticsPage,
  '/knowledge': KnowledgePage,
  '/catalog': CatalogPage,
  '/agents': AgentsPage,
  '/integrations': IntegrationsPage,
  '/billing': BillingPage,
  '/settings': SettingsPage,
} as const;

export function App() {
  useEffect(() => {
    applyLanguage(uiLanguage.value);
    void openSession().finally(() => (sessionChecked.value = true));
  }, []);
  const path = route.value.path;
  useEffect(() => {
    // Signed out (never signed in, or the silent refresh failed): sign in, then come back to this page.
    if (sessionChecked.value && !me.value && !(path in PUBLIC)) navigate(`/sign-in?expired=${path === '/' ? '0' : '1'}&next=${encodeURIComponent(currentHash())}`);
  }, [path, sessionChecked.value, me.value]);
  if (path in PUBLIC) {
    const Page = PUBLIC[path as keyof typeof PUBLIC];
    return <Page />;
  }
  if (!sessionChecked.value || !me.value) return <p class="loading" role="status">{t('loading')}</p>;
  if (path.startsWith('/conversations/')) return <ConversationPage id={decodeURIComponent(path.slice('/conversations/'.length))} />;
  if (path.startsWith('/calls/')) return <CallPage id={decodeURIComponent(path.slice('/calls/'.length))} />;
  const Page = PRIVATE[path as keyof typeof PRIVATE] ?? HomePage;
  return <Page />;
}
