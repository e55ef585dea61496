import { useState } from 'preact/hooks';
import { DomainEventType, type WebhookEndpointView } from '@vocalia/contracts';
import { label, t } from '../i18n';
import { api } from '../session/client';
import { Checkboxes } from '../ui/checkboxes';
import { Field, FormError } from '../ui/field';
import { useSubmit } from '../ui/use-submit';

type EventType = WebhookEndpointView['eventTypes'][number];

/** Edits an endpoint in place (PATCH: URL, event types, enabled, description); the problem is shown next to the field it names. */
export function WebhookEndpointEditor({ endpoint, onDone }: { endpoint: WebhookEndpointView; onDone: (saved: boolean) => void }) {
  const [url, setUrl] = useState(endpoint.url);
  const [description, setDescription] = useState(endpoint.description ?? '');
  const [enabled, setEnabled] = useState(endpoint.enabled);
  const [eventTypes, setEventTypes] = useState<EventType[]>(endpoint.eventTypes);
  const { busy, problem, submit } = useSubmit();
  const save = async (e: Event) => {
    e.preventDefault();
    const body = { url, description: description.trim() ? description : null, enabled, eventTypes };
    if (await submit(() => api.webhooks.endpoints.update(endpoint.id, body))) onDone(true);
  };
  const fieldError = (name: string) => Object.entries(problem.fields).find(([k]) => k === name || k.startsWith(`${name}.`))?.[1];
  return (
    <form onSubmit={save} noValidate data-test="webhook-editor">
      <Field label={t('url')} name="edit-webhook-url" type="url" dir="ltr" value={url} onInput={setUrl} error={fieldError('url')} />
      <Field label={t('description')} name="edit-webhook-description" value={description} onInput={setDescription} error={fieldError('description')} />
      <label class="check">
        <input type="checkbox" name="edit-webhook-enabled" checked={enabled} onChange={(e) => setEnabled((e.currentTarget as HTMLInputElement).checked)} /> {t('enabled')}
      </label>
      <Checkboxes
        legend={t('events')}
        hint={t('allEventsHint')}
        name="event-types"
        options={DomainEventType.options}
        label={(type) => (
          <>
            {label('webhookEvent', type)} <code dir="ltr">{type}</code>
          </>
        )}
        value={eventTypes}
        onChange={setEventTypes}
        error={fieldError('eventTypes')}
      />
      <FormError message={Object.keys(problem.fields).length ? undefined : problem.message} />
      <button type="submit" name="save-webhook" disabled={busy}>
        {t('save')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => onDone(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}
