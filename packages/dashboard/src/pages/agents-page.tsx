import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { api } from '../session/client';
import { FormError } from '../ui/field';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { AgentForm } from './agent-form';

/** The tenant's agents (edit, remove, add one: the plan's quota is db-api's to enforce) and the persona catalogue. */
export function AgentsPage() {
  const agents = useLoad(() => api.agents.list());
  const personas = useLoad(() => api.personas.list());
  const [editing, setEditing] = useState<string | 'new'>();
  const { problem, submit } = useSubmit();
  const personaName = (id: string) => personas.data?.items.find((p) => p.id === id)?.name ?? id;
  const done = () => {
    setEditing(undefined);
    agents.reload();
  };
  return (
    <Shell title={t('navAgents')}>
      <FormError message={agents.error ?? problem.message} />
      <div class="table-wrap">
        <table data-test="agents">
          <thead>
            <tr>
              <th scope="col">{t('agentName')}</th>
              <th scope="col">{t('persona')}</th>
              <th scope="col">{t('languages')}</th>
              <th scope="col">{t('voice')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agents.data?.items.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{personaName(a.personaId)}</td>
                <td>{a.languages.join(', ')}</td>
                <td>{a.voice}</td>
                <td>
                  <button type="button" class="secondary" onClick={() => setEditing(a.id)}>
                    {t('edit')}
                  </button>{' '}
                  <button type="button" class="secondary" onClick={() => void submit(() => api.agents.remove(a.id)).then(agents.reload)}>
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
          <li key={p.id}>
            <strong>{p.name}</strong> ({p.sector}): {p.description}
          </li>
        ))}
      </ul>
    </Shell>
  );
}
