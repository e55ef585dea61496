import { t } from '../i18n';
import { api } from '../session/client';
import { FormError } from '../ui/field';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';

export function AgentsPage() {
  const agents = useLoad(() => api.agents.list());
  const personas = useLoad(() => api.personas.list());
  const personaName = (id: string) => personas.data?.items.find((p) => p.id === id)?.name ?? id;
  return (
    <Shell title={t('navAgents')}>
      <FormError message={agents.error} />
      <div class="table-wrap">
        <table data-test="agents">
          <thead>
            <tr>
              <th scope="col">{t('agentName')}</th>
              <th scope="col">{t('persona')}</th>
              <th scope="col">{t('languages')}</th>
              <th scope="col">{t('voice')}</th>
            </tr>
          </thead>
          <tbody>
            {agents.data?.items.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{personaName(a.personaId)}</td>
                <td>{a.languages.join(', ')}</td>
                <td>{a.voice}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a class="button" href="#/onboarding">
          {t('stepAgent')}
        </a>
      </p>
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
