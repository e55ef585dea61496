import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { navigate, route } from '../router';
import { api, call, me, ssoFailed, startSession } from '../session/client';
import { Field, FormError } from '../ui/field';
import { LanguagePicker } from '../ui/language-picker';
import { toProblem } from '../ui/problem';
import { useSubmit } from '../ui/use-submit';
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

/** Where to go after signing in: the page the user was sent away from, else the overview. */
function afterSignIn(): void {
  navigate(route.value.params.get('next') ?? '/');
}

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, problem, submit } = useSubmit();
  const expired = route.value.params.get('expired') === '1';
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const session = await submit(() => api.auth.login({ email, password }));
    if (session) {
      await startSession(session);
      afterSignIn();
    }
  };
  return (
    <AuthCard title={t('signIn')}>
      {expired && <p class="notice">{t('sessionExpired')}</p>}
      {ssoFailed.value && (
        <p class="notice" role="alert">
          {t('ssoFailed')}
        </p>
      )}
      <SsoButtons />
      <form onSubmit={onSubmit} noValidate>
        <Field label={t('email')} name="email" type="email" autocomplete="email" value={email} onInput={setEmail} error={problem.fields.email} required />
        <Field label={t('password')} name="password" type="password" autocomplete="current-password" value={password} onInput={setPassword} error={problem.fields.password} required />
        <FormError message={problem.message} />
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
      </form>
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
  const [company, setCompany] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, problem, submit } = useSubmit();
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const session = await submit(() => api.auth.register({ company, email, password }));
    if (session) {
      await startSession(session);
      navigate('/onboarding');
    }
  };
  return (
    <AuthCard title={t('signUp')}>
      <form onSubmit={onSubmit} noValidate>
        <Field label={t('company')} name="company" autocomplete="organization" value={company} onInput={setCompany} error={problem.fields.company} required />
        <Field label={t('email')} name="email" type="email" autocomplete="email" value={email} onInput={setEmail} error={problem.fields.email} required />
        <Field label={t('password')} name="password" type="password" autocomplete="new-password" value={password} onInput={setPassword} error={problem.fields.password} required />
        <FormError message={problem.message} />
        <button type="submit" disabled={busy}>
          {t('signUp')}
        </button>
      </form>
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
      .catch((err: unknown) => setState({ done: true, error: toProblem(err).message }));
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
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, problem, submit } = useSubmit();
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (await submit(() => api.auth.requestPasswordReset(email))) setSent(true);
  };
  return (
    <AuthCard title={t('forgotPassword')}>
      {sent ? (
        <p role="status">{t('resetSent')}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Field label={t('email')} name="email" type="email" autocomplete="email" value={email} onInput={setEmail} error={problem.fields.email} required />
          <FormError message={problem.message} />
          <button type="submit" disabled={busy}>
            {t('sendResetLink')}
          </button>
        </form>
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
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, problem, submit } = useSubmit();
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const ok = await submit(async () => {
      await api.auth.resetPassword({ token, password });
      return true;
    });
    if (ok) setDone(true);
  };
  return (
    <AuthCard title={t('resetPassword')}>
      {done ? (
        <p role="status">{t('passwordChanged')}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Field label={t('newPassword')} name="password" type="password" autocomplete="new-password" value={password} onInput={setPassword} error={problem.fields.password} required />
          <FormError message={problem.fields.token ?? problem.message} />
          <button type="submit" disabled={busy}>
            {t('save')}
          </button>
        </form>
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
  const [password, setPassword] = useState('');
  const { busy, problem, submit } = useSubmit();
  const accept = async (e: Event) => {
    e.preventDefault();
    const session = await submit(() => (me.value ? api.auth.acceptInvitation(token) : api.auth.acceptInvitationWithPassword({ token, password })));
    if (session) {
      await startSession(session);
      navigate('/');
    }
  };
  return (
    <AuthCard title={t('invitation')}>
      <form onSubmit={accept} noValidate>
        {!me.value && (
          <Field label={t('newPassword')} name="password" type="password" autocomplete="new-password" value={password} onInput={setPassword} error={problem.fields.password} required />
        )}
        <FormError message={problem.fields.token ?? problem.message} />
        <button type="submit" disabled={busy}>
          {t('acceptInvitation')}
        </button>
      </form>
      {!me.value && (
        <p>
          {t('haveAccount')} <a href={`#/sign-in?next=${encodeURIComponent(`/invitation?token=${token}`)}`}>{t('signIn')}</a>
        </p>
      )}
    </AuthCard>
  );
}
