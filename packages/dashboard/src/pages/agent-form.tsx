import { useEffect, useState } from 'preact/hooks';
import type { Language } from '@vocalia/contracts';
import { t, uiLanguage } from '../i18n';
import { api } from '../session/client';
import { Field, FormError, Select } from '../ui/field';
import { LanguageCheckboxes } from '../ui/checkboxes';
import { useIdempotencyKeys } from '../ui/use-idempotency-keys';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

/**
 * Create or edit an agent: persona from the catalogue, name, languages, voice, greeting. Without
 * `agentId` it edits the tenant's first agent, or creates the default one (onboarding).
 */
export function AgentForm({ onDone, agentId, create = false }: { onDone: () => void; agentId?: string; create?: boolean }) {
  const personas = useLoad(() => api.personas.list());
  const agents = useLoad(() => api.agents.list());
  const [personaId, setPersonaId] = useState('');
  const [name, setName] = useState('');
  const [voice, setVoice] = useState('');
  const [greeting, setGreeting] = useState('');
  const [languages, setLanguages] = useState<Language[]>([]);
  const { busy, problem, submit } = useSubmit();
  // Next clicked again after a lost answer creates the agent once.
  const once = useIdempotencyKeys();
  const existing = create ? undefined : agentId ? agents.data?.items.find((a) => a.id === agentId) : agents.data?.items[0];
  useEffect(() => {
    if (existing) {
      setPersonaId(existing.personaId);
      setName(existing.name);
      setVoice(existing.voice ?? '');
      setLanguages(existing.languages);
    } else if (personas.data?.items[0] && !personaId) {
      setPersonaId(personas.data.items[0].id);
      setLanguages([uiLanguage.value]);
    }
  }, [existing, personas.data]);
  const save = async (e: Event) => {
    e.preventDefault();
    const lang = languages[0];
    const fields = { name, personaId, languages, voice: voice || null, ...(greeting && lang ? { greeting: { [lang]: greeting } } : {}) };
    const created = { ...fields, isDefault: !agents.data?.items.length };
    if (await submit(() => (existing ? api.agents.update(existing.id, fields) : once(['agents.create', created], (idempotencyKey) => api.agents.create(created, { idempotencyKey }))))) onDone();
  };
  return (
    <form onSubmit={save} noValidate>
      <Select
        label={t('persona')}
        name="personaId"
        value={personaId}
        options={(personas.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.sector})` }))}
        onChange={setPersonaId}
        error={problem.fields.personaId}
      />
      <p class="hint" lang="en">
        {personas.data?.items.find((p) => p.id === personaId)?.description}
      </p>
      <Field label={t('agentName')} name="agentName" value={name} onInput={setName} error={problem.fields.name} />
      <LanguageCheckboxes legend={t('languages')} name="agentLanguages" value={languages} onChange={setLanguages} error={problem.fields.languages} />
      <Field label={t('voice')} name="voice" value={voice} onInput={setVoice} error={problem.fields.voice} />
      <Field label={t('greeting')} name="greeting" value={greeting} onInput={setGreeting} error={Object.entries(problem.fields).find(([k]) => k.startsWith('greeting'))?.[1]} />
      <FormError message={problem.message} />
      <button type="submit" disabled={busy}>
        {t('next')}
      </button>
    </form>
  );
}
