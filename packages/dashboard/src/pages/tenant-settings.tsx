import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api } from '../session/client';
import { Field, FormError } from '../ui/field';
import { formMessage } from '../ui/form-message';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

/** The business name (phone numbers are their own resource: see phone-numbers.tsx). */
export function TenantSettingsForm() {
  const tenant = useLoad(() => api.tenant.get());
  const [name, setName] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, problem, submit } = useSubmit();
  useEffect(() => {
    if (!tenant.data) return;
    setName(tenant.data.name);
  }, [tenant.data]);
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    if (await submit(() => api.tenant.update({ name }))) setSaved(true);
  };
  return (
    <section>
      <h2>{t('tenantSettings')}</h2>
      <form onSubmit={save} noValidate>
        <Field label={t('company')} name="tenant-name" value={name} onInput={setName} error={problem.fields.name} />
        <FormError message={problem.message} />
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>{' '}
        {saved && <span role="status">{t('saved')}</span>}
      </form>
    </section>
  );
}

/** GDPR: the whole tenant as one JSON download, or erase one person's data by email or phone, once confirmed. */
export function GdprSection() {
  const [person, setPerson] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [erased, setErased] = useState<string>();
  const { busy, problem, submit } = useSubmit();
  const exportAll = async () => {
    const data = await submit(() => api.gdpr.export());
    if (!data) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'vocalia-export.json';
    link.click();
    URL.revokeObjectURL(url);
  };
  const erase = async (e: Event) => {
    e.preventDefault();
    const who = person.trim();
    const subject = who.includes('@') ? { email: who } : { phone: who };
    const res = await submit(() => api.gdpr.erase(Object.assign({ scope: 'subject' as const, confirm: confirmed }, subject)));
    if (!res) return;
    setErased(t('erased', { count: String(Object.values(res.deleted).reduce((sum, n) => sum + n, 0)) }));
    setConfirmed(false);
  };
  const personError = problem.fields.email ?? problem.fields.phone ?? problem.fields.body;
  return (
    <section>
      <h2>{t('gdpr')}</h2>
      <button type="button" class="secondary" disabled={busy} onClick={() => void exportAll()}>
        {t('gdprExport')}
      </button>
      <form onSubmit={erase} noValidate>
        <h3>{t('gdprEraseSubject')}</h3>
        <Field label={t('gdprPerson')} name="gdpr-person" dir="ltr" value={person} onInput={setPerson} error={personError} />
        <div class="field">
          <label>
            <input type="checkbox" name="gdpr-confirm" checked={confirmed} aria-invalid={problem.fields.confirm ? 'true' : undefined} onChange={(e) => setConfirmed((e.currentTarget as HTMLInputElement).checked)} /> {t('gdprEraseConfirm')}
          </label>
          {problem.fields.confirm && (
            <p class="error" role="alert">
              {problem.fields.confirm}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy}>
          {t('remove')}
        </button>
      </form>
      {erased !== undefined && (
        <p role="status">{erased}</p>
      )}
      <FormError message={formMessage(problem, ['email', 'phone', 'body', 'confirm'])} />
    </section>
  );
}
