import { useState } from 'preact/hooks';
import type { IntegrationProvider } from '@vocalia/contracts';
import { formatDate, t } from '../i18n';
import { api } from '../session/client';
import { CopyButton } from '../ui/copy-button';
import { Field, FormError, Select } from '../ui/field';
import { formMessage } from '../ui/form-message';
import { PlanGate } from '../ui/plan-gate';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

const PROVIDERS: IntegrationProvider[] = ['shopify', 'hubspot', 'klaviyo'];

/** Connect Shopify, HubSpot or Klaviyo: the secret goes to db-api once (stored encrypted); the list shows the URL to give back. */
function Connections() {
  const connections = useLoad(() => api.integrations.list());
  const [provider, setProvider] = useState<IntegrationProvider>('shopify');
  const [accountId, setAccountId] = useState('');
  const [secret, setSecret] = useState('');
  const { busy, problem, submit } = useSubmit();
  const connect = async (e: Event) => {
    e.preventDefault();
    if (await submit(() => api.integrations.connect({ provider, accountId, secret }))) {
      setAccountId('');
      setSecret('');
      connections.reload();
    }
  };
  return (
    <>
      <h2>{t('connectedApps')}</h2>
      <FormError message={connections.error} />
      {connections.data?.items.map((c) => (
        <section key={c.id} class="card-block">
          <h3 dir="ltr">
            {c.provider} · {c.accountId}
          </h3>
          <p>
            {t('giveThisUrl')}{t('colon')} <code dir="ltr">{c.webhookUrl}</code> <CopyButton text={c.webhookUrl} />{' '}
            <button type="button" class="secondary" onClick={() => void submit(() => api.integrations.disconnect(c.id)).then(connections.reload)}>
              {t('remove')}
            </button>
          </p>
        </section>
      ))}
      <form onSubmit={connect} noValidate class="inline">
        <Select
          label={t('integrationProvider')}
          name="provider"
          value={provider}
          options={PROVIDERS.map((p) => ({ value: p, label: p }))}
          onChange={(v) => setProvider(v as IntegrationProvider)}
          error={problem.fields.provider}
        />
        <Field label={t('accountId')} name="account-id" dir="ltr" value={accountId} onInput={setAccountId} error={problem.fields.accountId} />
        <Field label={t('providerSecret')} name="provider-secret" type="password" dir="ltr" autocomplete="off" value={secret} onInput={setSecret} error={problem.fields.secret} />
        <button type="submit" disabled={busy}>
          {t('connect')}
        </button>
      </form>
      <FormError message={formMessage(problem, ['accountId', 'secret'])} />
    </>
  );
}

/** What Shopify sent: the newest orders and abandoned carts, with the cart-recovery call when one was queued. */
function ShopActivity() {
  const orders = useLoad(() => api.shop.orders());
  const carts = useLoad(() => api.shop.abandonedCheckouts());
  return (
    <>
      <h2>{t('shopOrders')}</h2>
      <FormError message={orders.error} />
      <ul class="list">
        {orders.data?.items.map((o) => (
          <li key={o.id}>
            {o.name} · {o.totalPrice} {o.currency} · {o.email ?? o.phone ?? ''} · {formatDate(o.orderedAt)}
          </li>
        ))}
      </ul>
      <h2>{t('abandonedCarts')}</h2>
      <FormError message={carts.error} />
      <ul class="list">
        {carts.data?.items.map((c) => (
          <li key={c.id}>
            {c.totalPrice} {c.currency} · {c.email ?? c.phone ?? ''} · {formatDate(c.updatedAt)}
            {c.callId ? ` · ${t('cartCallQueued')}` : ''}
            {c.recoveredAt ? ` · ${t('recovered')}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ConnectedApps() {
  return (
    <>
      <PlanGate feature="crm_sync">
        <Connections />
      </PlanGate>
      <PlanGate feature="cart_recovery">
        <ShopActivity />
      </PlanGate>
    </>
  );
}
