import { useState } from 'preact/hooks';
import type { AgentResponse } from '@vocalia/contracts';
import { label, t } from '../i18n';
import { api } from '../session/client';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { useList } from '../ui/use-list';
import { DataTable, type Column } from '../ui/data-table';
import { AgentForm } from './agent-form';

/** The tenant's agents (edit, remove, add one: the plan's quota is db-api's to enforce) and the persona catalogue. */
export function AgentsPage() {
  const agents = useList(() => api.agents.list());
  const personas = useLoad(() => api.personas.list());
  const [editing, setEditing] = useState<string | 'new'>();
  const personaName = (id: string) => personas.data?.items.find((p) => p.id === id)?.name ?? id;
  const done = () => {
    setEditing(undefined);
    agents.reload();
  };
  const columns: Column<AgentResponse>[] = [
    { header: t('agentName'), cell: (a) => a.name },
    { header: t('persona'), cell: (a) => personaName(a.personaId) },
    { header: t('languages'), cell: (a) => a.languages.map((l) => label('language', l)).join(', ') },
    { header: t('voice'), cell: (a) => a.voice },
    {
      header: t('action'),
      hiddenHeader: true,
      cell: (a) => (
        <>
          <button type="button" class="secondary" onClick={() => setEditing(a.id)}>
            {t('edit')}
          </button>{' '}
          <button type="button" class="secondary" disabled={agents.busy} onClick={() => agents.act(() => api.agents.remove(a.id))}>
            {t('remove')}
          </button>
        </>
      ),
    },
  ];
  return (
    <Shell title={t('navAgents')}>
      <DataTable name="agents" columns={columns} rows={agents.items} rowKey={(a) => a.id} error={agents.error} />
      {editing ? (
        <section>
          <h2>{editing === 'new' ? t('create') : t('edit')}</h2>
          <AgentForm key={editing} onDone={done} agentId={editing === 'new' ? undefined : editing} create={editing === 'new'} />
        </section>
      ) : (
        <p>
          <button type="button" onClick={() => setEditing('new')}>
            {t('create')}
          </button>
        </p>
      )}
      <h2>{t('persona')}</h2>
      <ul class="list">
        {personas.data?.items.map((p) => (
          // The catalogue's names and descriptions are written in English: said so for screen readers and translators.
          <li key={p.id} lang="en">
            <strong>{p.name}</strong> ({p.sector}): {p.description}
          </li>
        ))}
      </ul>
    </Shell>
  );
}
