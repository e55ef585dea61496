import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../i18n';
import { navigate, route } from '../router';
import { api, call, me, ssoFailed, startSession } from '../session/client';
import { AuthForm, type AuthField } from '../ui/auth-form';
import { LanguagePicker } from '../ui/language-picker';
import { toProblem } from '../ui/problem';
import { SsoButtons } from './sso-buttons';

function AuthCard({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <main id="main" class="auth">
      <div class="auth-card">
        <div class="auth-head">
          <span class="brand">{t('appName')}</span>
          <LanguagePicker />
        </div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

// Functions, not constants: the labels follow the interface language.
const email = (): AuthField => ({ name: 'email', label: t('email'), type: 'email', autocomplete: 'email' });
const newPassword = (label = t('newPassword')): AuthField => ({ name: 'password', label, type: 'password', autocomplete: 'new-password' });

/** Where to go after signing in: the page the user was sent away from, else the overview. */
function afterSignIn(): void {
  navigate(route.value.params.get('next') ?? '/');
}

export function SignInPage() {
  const expired = route.value.params.get('expired') === '1';
  return (
    <AuthCard title={t('signIn')}>
      {expired && <p class="notice">{t('sessionExpired')}</p>}
      {ssoFailed.value && (
        <p class="notice" role="alert">
          {t('ssoFailed')}
        </p>
      )}
      <SsoButtons />
      <AuthForm
        fields={[email(), { name: 'password', label: t('password'), type: 'password', autocomplete: 'current-password' }]}
        submitLabel={t('signIn')}
        send={(v) => api.auth.login({ email: v.email ?? '', password: v.password ?? '' })}
        onSent={async (session) => {
          await startSession(session);
          afterSignIn();
        }}
      />
      <p>
        <a href="#/forgot-password">{t('forgotPassword')}</a>
      </p>
      <p>
        {t('noAccount')} <a href="#/sign-up">{t('signUp')}</a>
      </p>
    </AuthCard>
  );
}

export function SignUpPage() {
  return (
    <AuthCard title={t('signUp')}>
      <AuthForm
        fields={[{ name: 'company', label: t('company'), autocomplete: 'organization' }, email(), newPassword(t('password'))]}
        submitLabel={t('signUp')}
        send={(v) => api.auth.register({ company: v.company ?? '', email: v.email ?? '', password: v.password ?? '', language: uiLanguage.value })}
        onSent={async (session) => {
          await startSession(session);
          navigate('/onboarding');
        }}
      />
      <p>
        {t('haveAccount')} <a href="#/sign-in">{t('signIn')}</a>
      </p>
    </AuthCard>
  );
}

/** The mailed link /app/#/verify-email?token=...: verifies on load. */
export function VerifyEmailPage() {
  const token = route.value.params.get('token') ?? '';
  const [state, setState] = useState<{ done: boolean; error?: string }>({ done: false });
  useEffect(() => {
    api.auth
      .verifyEmail(token)
      .then(async () => {
        setState({ done: true });
        if (me.value) me.value = await call(() => api.auth.me());
      })
      .catch((err: unknown) => {
        // A used, expired or cut link is refused on body.token: its words, as this page has no fields to check.
        const problem = toProblem(err);
        setState({ done: true, error: problem.fields.token ?? problem.message });
      });
  }, [token]);
  return (
    <AuthCard title={t('verifyEmail')}>
      <p role="status" data-test="verify-result">
        {!state.done ? t('verifying') : (state.error ?? t('emailVerified'))}
      </p>
      <p>
        <a href={me.value ? '#/' : '#/sign-in'}>{me.value ? t('navHome') : t('signIn')}</a>
      </p>
    </AuthCard>
  );
}

export function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  return (
    <AuthCard title={t('forgotPassword')}>
      {sent ? (
        <p role="status">{t('resetSent')}</p>
      ) : (
        <AuthForm fields={[email()]} submitLabel={t('sendResetLink')} send={(v) => api.auth.requestPasswordReset(v.email ?? '', uiLanguage.value).then(() => true)} onSent={() => setSent(true)} />
      )}
      <p>
        <a href="#/sign-in">{t('signIn')}</a>
      </p>
    </AuthCard>
  );
}

/** The mailed link /app/#/reset-password?token=... */
export function ResetPasswordPage() {
  const token = route.value.params.get('token') ?? '';
  const [done, setDone] = useState(false);
  return (
    <AuthCard title={t('resetPassword')}>
      {done ? (
        <p role="status">{t('passwordChanged')}</p>
      ) : (
        <AuthForm fields={[newPassword()]} submitLabel={t('save')} send={(v) => api.auth.resetPassword({ token, password: v.password ?? '' }).then(() => true)} onSent={() => setDone(true)} />
      )}
      <p>
        <a href="#/sign-in">{t('signIn')}</a>
      </p>
    </AuthCard>
  );
}

/** The mailed link /app/#/invitation?token=...: signed in, joins at once; otherwise creates the account with a password. */
export function InvitationPage() {
  const token = route.value.params.get('token') ?? '';
  return (
    <AuthCard title={t('invitation')}>
      <AuthForm
        fields={me.value ? [] : [newPassword()]}
        submitLabel={t('acceptInvitation')}
        send={(v) => (me.value ? api.auth.acceptInvitation(token) : api.auth.acceptInvitationWithPassword({ token, password: v.password ?? '' }))}
        onSent={async (session) => {
          await startSession(session);
          navigate('/');
        }}
      />
      {!me.value && (
        <p>
          {t('haveAccount')} <a href={`#/sign-in?next=${encodeURIComponent(`/invitation?token=${token}`)}`}>{t('signIn')}</a>
        </p>
      )}
    </AuthCard>
  );
}
