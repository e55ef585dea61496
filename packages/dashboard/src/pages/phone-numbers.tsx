import { useState } from 'preact/hooks';
import type { AvailablePhoneNumber } from '@vocalia/contracts';
import { label, t } from '../i18n';
import { api } from '../session/client';
import { Field, FormError } from '../ui/field';
import { formMessage } from '../ui/form-message';
import { PlanGate } from '../ui/plan-gate';
import { useIdempotencyKeys } from '../ui/use-idempotency-keys';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

function AgentChoice({ id, value, onChange }: { id: string; value: string | null; onChange: (agentId: string | null) => void }) {
  const agents = useLoad(() => api.agents.list());
  return (
    <>
      <label class="visually-hidden" for={id}>
        {t('answeringAgent')}
      </label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value || null)}>
        <option value="">{t('defaultAgent')}</option>
        {agents.data?.items.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </>
  );
}

/** The tenant's numbers (which agent answers each, release) and a search of numbers for sale to buy one. */
function PhoneNumbers() {
  const owned = useLoad(() => api.phoneNumbers.list());
  const [country, setCountry] = useState('MA');
  const [contains, setContains] = useState('');
  const [offers, setOffers] = useState<AvailablePhoneNumber[]>();
  const { busy, problem, submit } = useSubmit();
  // One key per number until its purchase succeeds: Buy clicked again after a lost answer buys it once.
  const once = useIdempotencyKeys();
  const search = async (e: Event) => {
    e.preventDefault();
    const found = await submit(() => api.phoneNumbers.available({ country, ...(contains ? { contains } : {}) }));
    if (found) setOffers(found.items);
  };
  const buy = async (number: string) => {
    if (await submit(() => once(['phoneNumbers.buy', number], (idempotencyKey) => api.phoneNumbers.buy({ number }, { idempotencyKey })))) {
      setOffers((list) => list?.filter((o) => o.number !== number));
      owned.reload();
    }
  };
  const act = (run: () => Promise<unknown>) => void submit(run).then(owned.reload);
  return (
    <>
      <FormError message={owned.error} />
      <ul class="list" data-test="phone-numbers">
        {owned.data?.items.length === 0 && <li>{t('noPhoneNumbers')}</li>}
        {owned.data?.items.map((n) => (
          <li key={n.id}>
            <span dir="ltr">{n.number}</span> ·{' '}
            <AgentChoice id={`agent-${n.id}`} value={n.agentId} onChange={(agentId) => act(() => api.phoneNumbers.update(n.id, { agentId }))} />{' '}
            <button type="button" class="secondary" disabled={busy} onClick={() => act(() => api.phoneNumbers.release(n.id))}>
              {t('release')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={search} noValidate class="inline">
        <Field label={t('country')} name="phone-country" dir="ltr" hint="MA, FR, US" maxLength={2} value={country} onInput={setCountry} error={problem.fields.country} />
        <Field label={t('numberContains')} name="phone-contains" dir="ltr" inputMode="numeric" value={contains} onInput={setContains} error={problem.fields.contains} />
        <button type="submit" disabled={busy}>
          {t('search')}
        </button>
      </form>
      <FormError message={formMessage(problem, ['country', 'contains'])} />
      {offers && (
        <ul class="list" data-test="phone-offers">
          {offers.length === 0 && <li>{t('noResults')}</li>}
          {offers.map((o) => (
            <li key={o.number}>
              <span dir="ltr">{o.number}</span>
              {o.locality ? ` · ${o.locality}` : ''} · {o.capabilities.map((c) => label('phoneCapability', c)).join(', ')}{' '}
              <button type="button" disabled={busy} onClick={() => void buy(o.number)}>
                {t('buy')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function PhoneNumbersSection() {
  return (
    <section>
      <h2>{t('phoneNumbers')}</h2>
      <PlanGate feature="telephony">
        <PhoneNumbers />
      </PlanGate>
    </section>
  );
}
