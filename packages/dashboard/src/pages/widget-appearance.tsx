import { useEffect, useState } from 'preact/hooks';
import { WidgetPosition, type Language } from '@vocalia/contracts';
import { t, uiLanguage } from '../i18n';
import { api } from '../session/client';
import { Field, FormError, Select } from '../ui/field';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { WidgetPreview } from './widget-preview';

/** Colours, position and greeting of the widget (PUT /api/v1/widget), shown live in the real widget below as they are edited. */
export function WidgetAppearance() {
  const settings = useLoad(() => api.widget.get());
  const [primaryColor, setPrimary] = useState('#2563eb');
  const [textColor, setText] = useState('#ffffff');
  const [position, setPosition] = useState<string>('bottom-right');
  const [greeting, setGreeting] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, problem, submit } = useSubmit();
  const lang = uiLanguage.value as Language;
  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setPrimary(s.branding.primaryColor);
    setText(s.branding.textColor);
    setPosition(s.branding.position);
    setGreeting(s.greeting[lang] ?? '');
  }, [settings.data]);
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const body = { primaryColor, textColor, position: WidgetPosition.parse(position), ...(greeting ? { greeting: { ...settings.data?.greeting, [lang]: greeting } } : {}) };
    if (await submit(() => api.widget.update(body))) setSaved(true);
  };
  return (
    <section>
      <h2>{t('appearance')}</h2>
      <form onSubmit={save} noValidate>
        <div class="filters">
          <Field label={t('primaryColor')} name="primaryColor" type="color" value={primaryColor} onInput={setPrimary} error={problem.fields.primaryColor} />
          <Field label={t('textColor')} name="textColor" type="color" value={textColor} onInput={setText} error={problem.fields.textColor} />
          <Select label={t('position')} name="position" value={position} onChange={setPosition} options={WidgetPosition.options.map((p) => ({ value: p, label: p }))} />
        </div>
        <Field label={`${t('greeting')} (${lang})`} name="widget-greeting" value={greeting} onInput={setGreeting} error={Object.entries(problem.fields).find(([k]) => k.startsWith('greeting'))?.[1]} />
        <FormError message={problem.message} />
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>{' '}
        {saved && <span role="status">{t('saved')}</span>}
      </form>
      <WidgetPreview appearance={{ primaryColor, textColor, position, language: lang, greeting }} />
    </section>
  );
}
