import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api } from '../session/client';
import { Field, FormError } from '../ui/field';
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

/** GDPR: the whole tenant as one JSON download, or erase one person's data by email. */
export function GdprSection() {
  const [email, setEmail] = useState('');
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
    const res = await submit(() => api.gdpr.erase({ scope: 'subject', email }));
    if (res) setErased(Object.entries(res.deleted).map(([table, n]) => `${table}: ${n}`).join(', '));
  };
  return (
    <section>
      <h2>{t('gdpr')}</h2>
      <button type="button" class="secondary" disabled={busy} onClick={() => void exportAll()}>
        {t('gdprExport')}
      </button>
      <form onSubmit={erase} noValidate class="inline">
        <Field label={t('gdprEraseSubject')} name="gdpr-email" type="email" dir="ltr" value={email} onInput={setEmail} error={problem.fields.email} />
        <button type="submit" disabled={busy}>
          {t('remove')}
        </button>
      </form>
      {erased !== undefined && (
        <p role="status">
          {t('erased')}: {erased}
        </p>
      )}
      <FormError message={problem.fields.email ? undefined : problem.message} />
    </section>
  );
}
