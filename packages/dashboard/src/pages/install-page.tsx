import { t } from '../i18n';
import { api } from '../session/client';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { CheckSite } from './check-site';
import { OriginsEditor } from './origins-editor';
import { SnippetTabs } from './snippet-tabs';
import { WidgetAppearance } from './widget-appearance';

export function InstallPage() {
  const snippet = useLoad(() => api.widget.snippet());
  return (
    <Shell title={t('navInstall')}>
      {snippet.error && <p class="form-error">{snippet.error}</p>}
      {snippet.data ? <SnippetTabs snippet={snippet.data} /> : <p role="status">{t('loading')}</p>}
      <WidgetAppearance />
      <OriginsEditor />
      <CheckSite />
    </Shell>
  );
}
