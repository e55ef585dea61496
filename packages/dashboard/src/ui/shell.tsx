import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../i18n';
import { navigate, route } from '../router';
import { endSession, me } from '../session/client';
import { LanguagePicker } from './language-picker';

export const NAV: { path: string; label: MessageKey }[] = [
  { path: '/', label: 'navHome' },
  { path: '/onboarding', label: 'navOnboarding' },
  { path: '/install', label: 'navInstall' },
  { path: '/conversations', label: 'navConversations' },
  { path: '/calls', label: 'navCalls' },
  { path: '/leads', label: 'navLeads' },
  { path: '/bookings', label: 'navBookings' },
  { path: '/analytics', label: 'navAnalytics' },
  { path: '/knowledge', label: 'navKnowledge' },
  { path: '/catalog', label: 'navCatalog' },
  { path: '/agents', label: 'navAgents' },
  { path: '/integrations', label: 'navIntegrations' },
  { path: '/billing', label: 'navBilling' },
  { path: '/settings', label: 'navSettings' },
];

const isCurrent = (path: string) => (path === '/' ? route.value.path === '/' : route.value.path === path || route.value.path.startsWith(`${path}/`));

/** The signed-in frame: skip link, main menu (a list of links, current page marked), the page. */
export function Shell({ title, children }: { title: string; children: ComponentChildren }) {
  // Off the private page first: a session ending under it reads as expired (sign-in?expired=1&next=...).
  const signOut = async () => {
    navigate('/sign-in');
    await endSession();
  };
  return (
    <div class="shell">
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('skipToContent')}
      </a>
      <header class="topbar">
        <span class="brand">{t('appName')}</span>
        <span class="tenant">{me.value?.tenant.name}</span>
        <LanguagePicker />
        <button type="button" class="secondary" onClick={() => void signOut()}>
          {t('signOut')}
        </button>
      </header>
      <nav class="sidenav" aria-label={t('mainMenu')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.path}>
              <a href={`#${item.path}`} aria-current={isCurrent(item.path) ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} class="content">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
