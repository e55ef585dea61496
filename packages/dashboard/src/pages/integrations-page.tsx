import { useState } from 'preact/hooks';
import type { WebhookDeliveryView, WebhookEndpointView } from '@vocalia/contracts';
import { formatDate, label, t } from '../i18n';
import { api } from '../session/client';
import { CopyButton } from '../ui/copy-button';
import { Field, FormError } from '../ui/field';
import { formMessage } from '../ui/form-message';
import { PlanGate } from '../ui/plan-gate';
import { Shell } from '../ui/shell';
import { ConnectedApps } from './connected-apps';
import { useIdempotencyKeys } from '../ui/use-idempotency-keys';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { WebhookEndpointEditor } from './webhook-endpoint-editor';

function Deliveries({ endpointId }: { endpointId: string }) {
  const [tick, setTick] = useState(0);
  const deliveries = useLoad(() => api.webhooks.endpoints.deliveries(endpointId, { limit: 20 }), [endpointId, tick]);
  const { busy, problem, submit } = useSubmit();
  // A test event or replay clicked again after a lost answer is sent once.
  const once = useIdempotencyKeys();
  const act = (run: () => Promise<WebhookDeliveryView>) => void submit(run).then(() => setTick((n) => n + 1));
  return (
    <div>
      <button type="button" class="secondary" disabled={busy} onClick={() => act(() => once(['webhooks.sendTestEvent', endpointId], (idempotencyKey) => api.webhooks.endpoints.sendTestEvent(endpointId, { idempotencyKey })))}>
        {t('sendTest')}
      </button>
      <FormError message={deliveries.error ?? problem.message} />
      <h3>{t('deliveries')}</h3>
      <ul class="list">
        {deliveries.data?.items.map((d) => (
          <li key={d.id}>
            <span title={d.eventType}>{label('webhookEvent', d.eventType)}</span> · {label('webhookDeliveryStatus', d.status)} · {d.attempts} · {d.lastStatusCode ?? ''} · {formatDate(d.createdAt)}{' '}
            <button type="button" class="secondary" disabled={busy} onClick={() => act(() => once(['webhooks.replay', d.id], (idempotencyKey) => api.webhooks.deliveries.replay(d.id, { idempotencyKey })))}>
              {t('replay')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One endpoint: its settings (or their editor), rotate and remove, and its deliveries. */
function Endpoint({ ep, onChanged, onSecret }: { ep: WebhookEndpointView; onChanged: () => void; onSecret: (secret: string, previousExpiresAt: string | null) => void }) {
  const [editing, setEditing] = useState(false);
  const { busy, problem, submit } = useSubmit();
  const rotate = async () => {
    const rotated = await submit(() => api.webhooks.endpoints.rotateSecret(ep.id));
    if (rotated) {
      onSecret(rotated.secret, rotated.previousSecretExpiresAt);
      onChanged();
    }
  };
  return (
    <section class="card-block" data-test="webhook-endpoint">
      <h3 dir="ltr">{ep.url}</h3>
      {editing ? (
        <WebhookEndpointEditor endpoint={ep} onDone={(saved) => (setEditing(false), saved && onChanged())} />
      ) : (
        <>
          {ep.description && <p>{ep.description}</p>}
          <p>
            {t('events')}{t('colon')} <span data-test="webhook-events" title={ep.eventTypes.join(', ') || undefined}>{ep.eventTypes.length ? ep.eventTypes.map((type) => label('webhookEvent', type)).join(', ') : t('allEvents')}</span> · <span data-test="webhook-state">{ep.enabled ? t('enabled') : t('disabled')}</span>
          </p>
          <p class="actions">
            <button type="button" class="secondary" name="edit-webhook" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>{' '}
            <button type="button" class="secondary" name="rotate-webhook-secret" disabled={busy} onClick={() => void rotate()}>
              {t('rotateSecret')}
            </button>{' '}
            <button type="button" class="secondary" disabled={busy} onClick={() => void submit(() => api.webhooks.endpoints.remove(ep.id)).then(onChanged)}>
              {t('remove')}
            </button>
          </p>
          <FormError message={problem.message} />
        </>
      )}
      <Deliveries endpointId={ep.id} />
    </section>
  );
}

function Integrations() {
  const endpoints = useLoad(() => api.webhooks.endpoints.list());
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string>();
  const [previousUntil, setPreviousUntil] = useState<string | null>(null);
  const { busy, problem, submit } = useSubmit();
  const create = async (e: Event) => {
    e.preventDefault();
    const created = await submit(() => api.webhooks.endpoints.create({ url }));
    if (created) {
      setSecret(created.secret);
      setPreviousUntil(null);
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
            <code data-test="webhook-secret">{secret}</code>
          </pre>
          <CopyButton text={secret} />
          {previousUntil && <p>{t('previousSecretUntil', { date: formatDate(previousUntil) })}</p>}
        </div>
      )}
      <FormError message={endpoints.error} />
      {endpoints.data?.items.map((ep) => (
        <Endpoint key={ep.id} ep={ep} onChanged={endpoints.reload} onSecret={(value, until) => (setSecret(value), setPreviousUntil(until))} />
      ))}
      <form onSubmit={create} noValidate class="inline">
        <Field label={t('url')} name="webhook-url" type="url" dir="ltr" value={url} onInput={setUrl} error={problem.fields.url} />
        <button type="submit" disabled={busy}>
          {t('add')}
        </button>
      </form>
      <FormError message={formMessage(problem, ['url'])} />
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
