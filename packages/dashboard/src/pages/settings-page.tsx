import { useState } from 'preact/hooks';
import type { AuditVerification, CreatedApiKey } from '@vocalia/contracts';
import { formatDate, t, uiLanguage } from '../i18n';
import { api } from '../session/client';
import { CopyButton } from '../ui/copy-button';
import { Field, FormError, Select } from '../ui/field';
import { PlanGate } from '../ui/plan-gate';
import { Shell } from '../ui/shell';
import { useIdempotencyKeys } from '../ui/use-idempotency-keys';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { PhoneNumbersSection } from './phone-numbers';
import { GdprSection, TenantSettingsForm } from './tenant-settings';

function Members() {
  const members = useLoad(() => api.members.list());
  const invitations = useLoad(() => api.invitations.list());
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const { busy, problem, submit } = useSubmit();
  // Invite clicked again after a lost answer mails the invitation once (a second one would revoke the first link).
  const once = useIdempotencyKeys();
  const invite = async (e: Event) => {
    e.preventDefault();
    // The mail speaks the inviter's interface language: the colleague most likely reads it too.
    const invitation = { email, role: role as 'member' | 'admin', language: uiLanguage.value };
    if (await submit(() => once(['invitations.create', invitation], (idempotencyKey) => api.invitations.create(invitation, { idempotencyKey })))) {
      setEmail('');
      invitations.reload();
    }
  };
  return (
    <section>
      <h2>{t('members')}</h2>
      <FormError message={members.error} />
      <ul class="list" data-test="members">
        {members.data?.items.map((m) => (
          <li key={m.userId}>
            <span dir="ltr">{m.email}</span> ·{' '}
            {m.role === 'owner' ? (
              m.role
            ) : (
              <>
                <label class="visually-hidden" for={`role-${m.userId}`}>
                  {t('role')}
                </label>
                <select id={`role-${m.userId}`} value={m.role} onChange={(e) => void submit(() => api.members.updateRole(m.userId, { role: (e.currentTarget as HTMLSelectElement).value as 'member' | 'admin' })).then(members.reload)}>
                  {['member', 'admin'].map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>{' '}
                <button type="button" class="secondary" onClick={() => void submit(() => api.members.remove(m.userId)).then(members.reload)}>
                  {t('remove')}
                </button>
              </>
            )}
          </li>
        ))}
        {invitations.data?.items
          .filter((i) => i.status === 'pending')
          .map((i) => (
            <li key={i.id}>
              <span dir="ltr">{i.email}</span> · {i.role} · {i.status}{' '}
              <button type="button" class="secondary" onClick={() => void submit(() => api.invitations.revoke(i.id)).then(invitations.reload)}>
                {t('revoke')}
              </button>
            </li>
          ))}
      </ul>
      <form onSubmit={invite} noValidate class="inline">
        <Field label={t('email')} name="invite-email" type="email" dir="ltr" value={email} onInput={setEmail} error={problem.fields.email} />
        <Select label={t('role')} name="invite-role" value={role} onChange={setRole} options={['member', 'admin'].map((r) => ({ value: r, label: r }))} />
        <button type="submit" disabled={busy}>
          {t('invite')}
        </button>
      </form>
      <FormError message={problem.fields.email ? undefined : problem.message} />
    </section>
  );
}

function ApiKeys() {
  const keys = useLoad(() => api.apiKeys.list());
  const [name, setName] = useState('');
  const [shown, setShown] = useState<CreatedApiKey>();
  const { busy, problem, submit } = useSubmit();
  const create = async (e: Event) => {
    e.preventDefault();
    const created = await submit(() => api.apiKeys.create({ name }));
    if (created) {
      setShown(created);
      setName('');
      keys.reload();
    }
  };
  const rotate = async (id: string) => {
    const rotated = await submit(() => api.apiKeys.rotate(id));
    if (rotated) setShown(rotated);
    keys.reload();
  };
  return (
    <section>
      <h2>{t('apiKeys')}</h2>
      {shown && (
        <div class="notice" role="status">
          <p>{t('keyShownOnce')}</p>
          <pre dir="ltr">
            <code data-test="api-key">{shown.key}</code>
          </pre>
          <CopyButton text={shown.key} />
        </div>
      )}
      <ul class="list">
        {keys.data?.items.map((k) => (
          <li key={k.id}>
            <strong>{k.name}</strong> <code dir="ltr">{k.prefix}…</code> · {k.lastUsedAt ? formatDate(k.lastUsedAt) : '—'}{' '}
            <button type="button" class="secondary" onClick={() => void rotate(k.id)}>
              {t('rotate')}
            </button>{' '}
            <button type="button" class="secondary" onClick={() => void submit(() => api.apiKeys.revoke(k.id)).then(keys.reload)}>
              {t('revoke')}
            </button>
          </li>
        ))}
      </ul>
      {/* Listing and revoking need no feature (keys kept from a dearer plan); creating needs api_access. */}
      <PlanGate feature="api_access">
        <form onSubmit={create} noValidate class="inline">
          <Field label={t('name')} name="key-name" value={name} onInput={setName} error={problem.fields.name} />
          <button type="submit" disabled={busy}>
            {t('create')}
          </button>
        </form>
      </PlanGate>
      <FormError message={problem.fields.name ? undefined : problem.message} />
    </section>
  );
}

function Audit() {
  const audit = useLoad(() => api.audit.list({ limit: 50 }));
  const [verification, setVerification] = useState<AuditVerification>();
  const { busy, problem, submit } = useSubmit();
  return (
    <section>
      <h2>{t('audit')}</h2>
      <button type="button" class="secondary" disabled={busy} onClick={() => void submit(() => api.audit.verify()).then((v) => v && setVerification(v))}>
        {t('verifyChain')}
      </button>
      {verification && <p role="status">{verification.valid ? t('chainOk') : `${t('chainBroken')} (${verification.reason ?? ''} #${verification.firstBrokenSeq ?? ''})`}</p>}
      <FormError message={audit.error ?? problem.message} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('created')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('actor')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data?.items.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.seq}</td>
                <td>{formatDate(entry.at)}</td>
                <td>{entry.action}</td>
                <td dir="ltr">{entry.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function SettingsPage() {
  return (
    <Shell title={t('navSettings')}>
      <TenantSettingsForm />
      <PhoneNumbersSection />
      <Members />
      <ApiKeys />
      <Audit />
      <GdprSection />
    </Shell>
  );
}
