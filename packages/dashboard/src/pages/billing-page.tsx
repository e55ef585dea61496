import { formatDate, t } from '../i18n';
import { api } from '../session/client';
import { FormError } from '../ui/field';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';

/** What db-api offers today: the plan, its trial, and usage against quotas for the period. */
export function BillingPage() {
  const plan = useLoad(() => api.plans.current());
  const usage = useLoad(() => api.usage.get());
  const catalog = useLoad(() => api.plans.catalog());
  const u = usage.data;
  const rows = u
    ? ([
        [t('conversations'), u.conversations],
        [t('minutes'), u.voiceMinutes],
        ['Telephony', u.telephonyMinutes],
        ['API', u.apiCalls],
        [t('navAgents'), u.agents],
      ] as const)
    : [];
  return (
    <Shell title={t('navBilling')}>
      <FormError message={plan.error ?? usage.error} />
      {plan.data && (
        <dl class="facts">
          <div>
            <dt>{t('plan')}</dt>
            <dd data-test="plan">
              {plan.data.name} · {plan.data.priceEurMonthly} €
            </dd>
          </div>
          <div>
            <dt>{t('status')}</dt>
            <dd>{plan.data.status}</dd>
          </div>
          {plan.data.trialEndsAt && (
            <div>
              <dt>{t('trialEnds')}</dt>
              <dd>{formatDate(plan.data.trialEndsAt)}</dd>
            </div>
          )}
        </dl>
      )}
      {u && (
        <section>
          <h2>{t('usage')}</h2>
          <ul class="meters">
            {rows.map(([label, m]) => (
              <li key={label}>
                <span>{label}</span> <meter min={0} max={m.quota ?? Math.max(1, m.used)} value={m.used} /> {m.used}
                {m.quota !== null ? ` / ${m.quota}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {catalog.data && (
        <section>
          <h2>{t('plans')}</h2>
          <div class="table-wrap">
            <table data-test="plans">
              <thead>
                <tr>
                  <th scope="col">{t('plan')}</th>
                  <th scope="col">{t('price')}</th>
                  <th scope="col">{t('conversations')}</th>
                  <th scope="col">{t('navAgents')}</th>
                  <th scope="col">{t('features')}</th>
                </tr>
              </thead>
              <tbody>
                {catalog.data.plans.map((p) => (
                  <tr key={p.id} aria-current={p.id === plan.data?.plan ? 'true' : undefined}>
                    <th scope="row">{p.name}</th>
                    <td>{p.priceEurMonthly} €</td>
                    <td>{p.quotas.conversationsPerMonth}</td>
                    <td>{p.quotas.agents}</td>
                    <td>{p.features.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Shell>
  );
}
