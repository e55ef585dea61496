import { useEffect, useState } from 'preact/hooks';
import type { Language } from '@vocalia/contracts';
import { t } from '../i18n';
import { api, call } from '../session/client';
import { Field, FormError } from '../ui/field';
import { LanguageCheckboxes } from '../ui/checkboxes';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { VerifyBanner } from './home-page';
import { AgentForm } from './agent-form';
import { OriginsEditor } from './origins-editor';
import { SnippetTabs } from './snippet-tabs';

const STEPS = ['stepBusiness', 'stepAgent', 'stepOrigins', 'stepInstall'] as const;

function BusinessStep({ onDone }: { onDone: () => void }) {
  const tenant = useLoad(() => api.tenant.get());
  const [name, setName] = useState('');
  const [sector, setSector] = useState('');
  const [languages, setLanguages] = useState<Language[]>([]);
  const { busy, problem, submit } = useSubmit();
  useEffect(() => {
    if (!tenant.data) return;
    setName(tenant.data.name);
    setSector(tenant.data.sector ?? '');
    setLanguages(tenant.data.languages);
  }, [tenant.data]);
  const save = async (e: Event) => {
    e.preventDefault();
    const defaultLanguage = languages[0];
    if (await submit(() => api.tenant.update({ name, sector: sector || null, languages, ...(defaultLanguage ? { defaultLanguage } : {}) }))) onDone();
  };
  return (
    <form onSubmit={save} noValidate>
      <Field label={t('company')} name="name" value={name} onInput={setName} error={problem.fields.name} />
      <Field label={t('sector')} name="sector" value={sector} onInput={setSector} error={problem.fields.sector} />
      <LanguageCheckboxes legend={t('languages')} name="languages" value={languages} onChange={setLanguages} error={problem.fields.languages} />
      <FormError message={problem.message} />
      <button type="submit" disabled={busy}>
        {t('next')}
      </button>
    </form>
  );
}

/** Four steps, each saved on the real API before the next: business, agent, allowed origins, install. */
export function OnboardingPage() {
  const [step, setStep] = useState(0);
  useEffect(() => document.getElementById('step-title')?.focus(), [step]);
  const title = STEPS[step] ?? 'stepInstall';
  const snippet = useLoad(() => (step === 3 ? call(() => api.widget.snippet()) : Promise.resolve(undefined)), [step]);
  return (
    <Shell title={t('navOnboarding')}>
      <VerifyBanner />
      <ol class="steps" aria-label={t('navOnboarding')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} class={i < step ? 'done' : undefined}>
            {t(s)}
          </li>
        ))}
      </ol>
      <h2 id="step-title" tabIndex={-1}>
        {t('stepOf', { n: step + 1 })}: {t(title)}
      </h2>
      {step === 0 && <BusinessStep onDone={() => setStep(1)} />}
      {step === 1 && <AgentForm onDone={() => setStep(2)} />}
      {step === 2 && (
        <>
          <p>{t('originHint')}</p>
          <OriginsEditor />
          <button type="button" name="origins-next" onClick={() => setStep(3)}>
            {t('next')}
          </button>
        </>
      )}
      {step === 3 && (
        <>
          {snippet.data && <SnippetTabs snippet={snippet.data} />}
          <p role="status" data-test="onboarding-done">
            {t('onboardingDone')}
          </p>
          <a class="button" href="#/">
            {t('finish')}
          </a>
        </>
      )}
      {step > 0 && (
        <button type="button" class="secondary" onClick={() => setStep(step - 1)}>
          {t('back')}
        </button>
      )}
    </Shell>
  );
}
