import { useState } from 'preact/hooks';
import type { WebhookDeliveryView } from '@vocalia/contracts';
import { formatDate, t } from '../i18n';
import { api } from '../session/client';
import { CopyButton } from '../ui/copy-button';
import { Field, FormError } from '../ui/field';
import { PlanGate } from '../ui/plan-gate';
import { Shell } from '../ui/shell';
import { ConnectedApps } from './connected-apps';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

function Deliveries({ endpointId }: { endpointId: string }) {
  const [tick, setTick] = useState(0);
  const deliveries = useLoad(() => api.webhooks.endpoints.deliveries(endpointId, { limit: 20 }), [endpointId, tick]);
  const { busy, problem, submit } = useSubmit();
  const act = (run: () => Promise<WebhookDeliveryView>) => void submit(run).then(() => setTick((n) => n + 1));
  return (
    <div>
      <button type="button" class="secondary" disabled={busy} onClick={() => act(() => api.webhooks.endpoints.sendTestEvent(endpointId))}>
        {t('sendTest')}
      </button>
      <FormError message={deliveries.error ?? problem.message} />
      <h3>{t('deliveries')}</h3>
      <ul class="list">
        {deliveries.data?.items.map((d) => (
          <li key={d.id}>
            {d.eventType} · {d.status} · {d.attempts} · {d.lastStatusCode ?? ''} · {formatDate(d.createdAt)}{' '}
            <button type="button" class="secondary" disabled={busy} onClick={() => act(() => api.webhooks.deliveries.replay(d.id))}>
              {t('replay')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Integrations() {
  const endpoints = useLoad(() => api.webhooks.endpoints.list());
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string>();
  const { busy, problem, submit } = useSubmit();
  const create = async (e: Event) => {
    e.preventDefault();
    const created = await submit(() => api.webhooks.endpoints.create({ url }));
    if (created) {
      setSecret(created.secret);
      setUrl('');
      endpoints.reload();
    }
  };
  return (
    <>
      <h2>{t('webhooks')}</h2>
      {secret && (
        <div class="notice" role="status">
          <p>{t('secretShownOnce')}</p>
          <pre dir="ltr">
            <code>{secret}</code>
          </pre>
          <CopyButton text={secret} />
        </div>
      )}
      <FormError message={endpoints.error} />
      {endpoints.data?.items.map((ep) => (
        <section key={ep.id} class="card-block">
          <h3 dir="ltr">{ep.url}</h3>
          <p>
            {t('events')}: {ep.eventTypes.length ? ep.eventTypes.join(', ') : '*'} · {ep.enabled ? 'enabled' : 'disabled'}{' '}
            <button type="button" class="secondary" onClick={() => void submit(() => api.webhooks.endpoints.remove(ep.id)).then(endpoints.reload)}>
              {t('remove')}
            </button>
          </p>
          <Deliveries endpointId={ep.id} />
        </section>
      ))}
      <form onSubmit={create} noValidate class="inline">
        <Field label={t('url')} name="webhook-url" type="url" dir="ltr" value={url} onInput={setUrl} error={problem.fields.url} />
        <button type="submit" disabled={busy}>
          {t('add')}
        </button>
      </form>
      <FormError message={problem.fields.url ? undefined : problem.message} />
    </>
  );
}

export function IntegrationsPage() {
  return (
    <Shell title={t('navIntegrations')}>
      <ConnectedApps />
      <PlanGate feature="webhooks">
        <Integrations />
      </PlanGate>
    </Shell>
  );
}
