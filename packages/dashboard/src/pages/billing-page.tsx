import type { PlanId } from '@vocalia/contracts';
import { formatDate, label, t, uiLanguage } from '../i18n';
import { api } from '../session/client';
import { FormError } from '../ui/field';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { billingSentence, billingStateLabel, creditReason, PaymentsNotConfigured } from './billing-state';

const money = (cents: number, currency = 'EUR') => new Intl.NumberFormat(uiLanguage.value === 'ary' ? 'ar-MA' : uiLanguage.value, { style: 'currency', currency }).format(cents / 100);

/** Credit movements, newest first (the balance is in the facts above). */
function CreditHistory() {
  const credits = useLoad(() => api.billing.credits());
  if (credits.error) return <FormError message={credits.error} />;
  if (!credits.data?.items.length) return null;
  return (
    <section>
      <h2>{t('creditHistory')}</h2>
      <ul class="list" data-test="credits">
        {credits.data.items.map((c) => (
          <li key={c.id}>
            {formatDate(c.createdAt)} · {creditReason(c.reason)} · {c.deltaCents > 0 ? '+' : ''}
            {money(c.deltaCents)} → {money(c.balanceAfterCents)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Stripe invoices (rendered only when payments are configured; none before the first checkout). */
function Invoices() {
  const invoices = useLoad(() => api.billing.invoices());
  if (invoices.error) return <FormError message={invoices.error} />;
  if (!invoices.data?.items.length) return null;
  return (
    <section>
      <h2>{t('invoices')}</h2>
      <ul class="list" data-test="invoices">
        {invoices.data.items.map((i) => {
          const link = i.hostedInvoiceUrl ?? i.pdfUrl;
          return (
            <li key={i.id}>
              {formatDate(i.createdAt)} · {link ? <a href={link} target="_blank" rel="noopener noreferrer">{i.number ?? i.id}</a> : (i.number ?? i.id)} · {money(i.totalCents, i.currency.toUpperCase())}
              {i.status ? ` · ${label('invoiceStatus', i.status)}` : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Each row's use beside its quota (none: unlimited). */
function Meters({ rows, test }: { rows: ReadonlyArray<readonly [string, { used: number; quota: number | null }]>; test?: string }) {
  return (
    <ul class="meters" data-test={test}>
      {rows.map(([label, m]) => (
        <li key={label}>
          <span>{label}</span> <meter min={0} max={m.quota ?? Math.max(1, m.used)} value={m.used} /> {m.used}
          {m.quota !== null ? ` / ${m.quota}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The plan, its trial or grace state and credits, usage against quotas, and (with Stripe) upgrade and invoices. */
export function BillingPage() {
  const plan = useLoad(() => api.plans.current());
  const usage = useLoad(() => api.usage.get());
  const catalog = useLoad(() => api.plans.catalog());
  const billing = useLoad(() => api.billing.status());
  const { busy, problem, submit } = useSubmit();
  const payments = billing.data?.payments === 'stripe';
  const currentPrice = catalog.data?.plans.find((p) => p.id === plan.data?.plan)?.priceEurMonthly ?? 0;
  const goTo = async (link: () => Promise<{ url: string }>) => {
    const res = await submit(link);
    if (res) window.location.assign(res.url);
  };
  const upgrade = (id: PlanId) => void goTo(() => api.billing.checkout(id));
  const u = usage.data;
  const rows = u
    ? ([
        [t('conversations'), u.conversations],
        [t('minutes'), u.voiceMinutes],
        [t('phoneMinutes'), u.telephonyMinutes],
        [t('apiCalls'), u.apiCalls],
        [t('navAgents'), u.agents],
      ] as const)
    : [];
  const live = u ? ([...(u.live.voiceSessions ? ([[t('liveVoiceSessions'), u.live.voiceSessions]] as const) : []), [t('liveCalls'), u.live.calls]] as const) : [];
  return (
    <Shell title={t('navBilling')}>
      <FormError message={plan.error ?? usage.error ?? billing.error ?? problem.message} />
      {billing.data && (
        <div class={billing.data.state === 'grace' || billing.data.state === 'restricted' ? 'notice warn' : 'notice'} role="status" data-test="billing-state">
          <p>{billingSentence(billing.data)}</p>
        </div>
      )}
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
            <dd data-test="billing-status">{billing.data ? billingStateLabel(billing.data.state) : ''}</dd>
          </div>
          {plan.data.trialEndsAt && (
            <div>
              <dt>{t('trialEnds')}</dt>
              <dd>{formatDate(plan.data.trialEndsAt)}</dd>
            </div>
          )}
          {billing.data?.graceEndsAt && (
            <div>
              <dt>{t('graceEnds')}</dt>
              <dd>{formatDate(billing.data.graceEndsAt)}</dd>
            </div>
          )}
          {billing.data?.cancelAt && (
            <div>
              <dt>{t('cancelsAt')}</dt>
              <dd>{formatDate(billing.data.cancelAt)}</dd>
            </div>
          )}
          {billing.data && (
            <div>
              <dt>{t('credits')}</dt>
              <dd data-test="credit-balance">{money(billing.data.creditBalanceCents)}</dd>
            </div>
          )}
        </dl>
      )}
      {payments && (
        <p>
          <button type="button" class="secondary" disabled={busy} onClick={() => void goTo(() => api.billing.portal())}>
            {t('manageBilling')}
          </button>
        </p>
      )}
      {u && (
        <section>
          <h2>{t('usage')}</h2>
          <Meters rows={rows} />
          <h2>{t('liveNow')}</h2>
          <Meters rows={live} test="live" />
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
                  {payments && (
                    <th scope="col">
                      <span class="visually-hidden">{t('upgrade')}</span>
                    </th>
                  )}
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
                    {payments && (
                      <td>
                        {p.priceEurMonthly > currentPrice && (
                          <button type="button" disabled={busy} onClick={() => upgrade(p.id)}>
                            {t('upgrade')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {billing.data?.payments === 'not_configured' && <PaymentsNotConfigured />}
      {billing.data && <CreditHistory />}
      {payments && <Invoices />}
    </Shell>
  );
}
