import { useState } from 'preact/hooks';
import type { CheckSiteResponse } from '@vocalia/contracts';
import { knownLabel, t } from '../i18n';
import { api } from '../session/client';
import { Field, FormError } from '../ui/field';
import { formMessage } from '../ui/form-message';
import { useSubmit } from '../ui/use-submit';

/** Why the page could not be checked, in the interface's language (db-api's English for a problem this build does not know). */
function problemText(problem: string, result: CheckSiteResponse): string {
  return knownLabel('siteProblem', problem, { status: result.status ?? undefined, location: result.location }) ?? result.detail ?? problem;
}

/** db-api fetches the page server-side and answers: snippet there? origin allowed? */
export function CheckSite() {
  const [url, setUrl] = useState('');
  const [result, setResult] = useState<CheckSiteResponse>();
  const { busy, problem, submit } = useSubmit();
  const run = async (e: Event) => {
    e.preventDefault();
    setResult(await submit(() => api.widget.checkSite(url)));
  };
  return (
    <section>
      <h2>{t('checkSite')}</h2>
      <form onSubmit={run} noValidate class="inline">
        <Field label={t('pageUrl')} name="check-url" type="url" dir="ltr" value={url} onInput={setUrl} error={problem.fields.url} />
        <button type="submit" name="check-site" disabled={busy}>
          {t('checkSite')}
        </button>
      </form>
      <FormError message={formMessage(problem, ['url'])} />
      {result && (
        <ul class="list" role="status" data-test="check-site-result">
          {result.problem && <li data-problem={result.problem}>{problemText(result.problem, result)}</li>}
          <li data-found={String(result.snippetFound)}>{result.snippetFound ? t('snippetFound') : t('snippetMissing')}</li>
          <li data-allowed={String(result.originAllowed)}>{result.originAllowed ? t('originAllowed') : t('originNotAllowed')}</li>
        </ul>
      )}
    </section>
  );
}
