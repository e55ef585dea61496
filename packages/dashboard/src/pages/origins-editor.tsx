import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { api } from '../session/client';
import { Field, FormError } from '../ui/field';
import { formMessage } from '../ui/form-message';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

/** The sites the widget may answer on: add (validated by db-api) and remove. */
export function OriginsEditor() {
  const origins = useLoad(() => api.origins.list());
  const [origin, setOrigin] = useState('');
  const { busy, problem, submit } = useSubmit();
  const add = async (e: Event) => {
    e.preventDefault();
    if (await submit(() => api.origins.add(origin))) {
      setOrigin('');
      origins.reload();
    }
  };
  return (
    <section>
      <h2>{t('allowedOrigins')}</h2>
      <ul class="list" data-test="origins">
        {origins.data?.items.map((o) => (
          <li key={o.id}>
            <span dir="ltr">{o.origin}</span>{' '}
            <button type="button" class="secondary" onClick={() => void submit(() => api.origins.remove(o.id)).then(origins.reload)}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} noValidate class="inline">
        <Field label={t('origin')} name="origin" type="url" dir="ltr" hint={t('originHint')} value={origin} onInput={setOrigin} error={problem.fields.origin} />
        <FormError message={formMessage(problem, ['origin'])} />
        <button type="submit" disabled={busy}>
          {t('add')}
        </button>
      </form>
    </section>
  );
}
