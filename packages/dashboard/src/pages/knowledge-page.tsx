import { useState } from 'preact/hooks';
import { LANGUAGES, type Language } from '@vocalia/contracts';
import { formatDate, label, t, uiLanguage } from '../i18n';
import { api } from '../session/client';
import { Field, FormError, Select } from '../ui/field';
import { formMessage } from '../ui/form-message';
import { PlanGate } from '../ui/plan-gate';
import { Shell } from '../ui/shell';
import { useIdempotencyKeys } from '../ui/use-idempotency-keys';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

function TestQuestion() {
  const [q, setQ] = useState('');
  const { busy, problem, submit } = useSubmit();
  const [hits, setHits] = useState<{ chunkId: string; title: string; text: string }[]>();
  const ask = async (e: Event) => {
    e.preventDefault();
    const res = await submit(() => api.knowledge.search({ q, limit: 5 }));
    if (res) setHits(res.items);
  };
  return (
    <section>
      <h2>{t('testQuestion')}</h2>
      <form onSubmit={ask} noValidate class="inline">
        <Field label={t('testQuestion')} name="q" value={q} onInput={setQ} error={problem.fields.q} />
        <button type="submit" disabled={busy}>
          {t('ask')}
        </button>
      </form>
      <FormError message={formMessage(problem, ['q'])} />
      {hits && (
        <>
          <h3>{t('sources')}</h3>
          {hits.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <ol class="list">
              {hits.map((h) => (
                <li key={h.chunkId}>
                  <strong>{h.title}</strong>: <span dir="auto">{h.text}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function Knowledge() {
  const docs = useLoad(() => api.knowledge.list({ limit: 100 }));
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [language, setLanguage] = useState<string>(LANGUAGES.includes(uiLanguage.value as Language) ? uiLanguage.value : 'fr');
  const { busy, problem, submit } = useSubmit();
  // Add clicked again after a lost answer adds (and embeds) the document once.
  const once = useIdempotencyKeys();
  const readFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setContent(await file.text());
    if (!title) setTitle(file.name.replace(/\.[^.]+$/, ''));
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const kind = content.trimStart().startsWith('#') ? 'markdown' : 'text';
    const doc = { title, kind, language: language as Language, content } as const;
    if (await submit(() => once(['knowledge.create', doc], (idempotencyKey) => api.knowledge.create(doc, { idempotencyKey })))) {
      setTitle('');
      setContent('');
      docs.reload();
    }
  };
  return (
    <>
      <FormError message={docs.error} />
      <ul class="list" data-test="documents">
        {docs.data?.items.map((d) => (
          <li key={d.id}>
            <strong>{d.title}</strong> · {label('language', d.language)} · {t('passages', { n: d.chunkCount })} · {formatDate(d.createdAt)}{' '}
            <button type="button" class="secondary" onClick={() => void submit(() => api.knowledge.remove(d.id)).then(docs.reload)}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <section>
        <h2>{t('uploadText')}</h2>
        <form onSubmit={add} noValidate>
          <div class="field">
            <label for="kb-file">{t('uploadText')} (.txt, .md)</label>
            <input id="kb-file" type="file" accept=".txt,.md,text/plain,text/markdown" onChange={(e) => void readFile(e)} />
          </div>
          <Field label={t('title')} name="title" value={title} onInput={setTitle} error={problem.fields.title} />
          <Select label={t('language')} name="language" value={language} onChange={setLanguage} options={LANGUAGES.map((l) => ({ value: l, label: label('language', l) }))} />
          <div class="field">
            <label for="kb-content">{t('content')}</label>
            <textarea id="kb-content" name="content" rows={6} value={content} onInput={(e) => setContent((e.currentTarget as HTMLTextAreaElement).value)} aria-invalid={problem.fields.content ? 'true' : undefined} />
            {problem.fields.content && (
              <p class="error" role="alert">
                {problem.fields.content}
              </p>
            )}
          </div>
          <FormError message={problem.message} />
          <button type="submit" disabled={busy}>
            {t('add')}
          </button>
        </form>
      </section>
      <TestQuestion />
    </>
  );
}

export function KnowledgePage() {
  return (
    <Shell title={t('navKnowledge')}>
      <PlanGate feature="knowledge_base">
        <Knowledge />
      </PlanGate>
    </Shell>
  );
}
