import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api } from '../session/client';
import { useLoad } from '../ui/use-load';

export interface Appearance {
  primaryColor: string;
  textColor: string;
  position: string;
  language: string;
  greeting: string;
}

const SETTLE_MS = 400;

/** The value once it stopped changing for a moment, so typing a greeting reloads the frame once. */
function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [JSON.stringify(value)]);
  return settled;
}

/**
 * The real widget in a frame (voice-api's /widget/preview, on this same origin), with a fresh grant
 * from db-api each time the appearance settles: the tenant need not allow the dashboard's origin.
 */
export function WidgetPreview({ appearance }: { appearance: Appearance }) {
  const settled = useSettled(appearance);
  const preview = useLoad(() => api.widget.preview(), [JSON.stringify(settled)]);
  const fragment = preview.data ? new URLSearchParams({ grant: preview.data.grant, ...settled }).toString() : '';
  return (
    <section>
      <h2>{t('livePreview')}</h2>
      <p>{t('livePreviewHelp')}</p>
      {preview.error && <p class="form-error">{preview.error}</p>}
      {preview.data ? (
        <iframe key={fragment} class="widget-preview" name="widget-preview" title={t('livePreview')} src={`${preview.data.pageUrl}#${fragment}`} />
      ) : (
        !preview.error && <p role="status">{t('loading')}</p>
      )}
    </section>
  );
}
