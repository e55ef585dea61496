import { useState } from 'preact/hooks';
import type { CreatedApiKey, MembershipRoleName } from '@vocalia/contracts';
import { formatDate, label, t, uiLanguage } from '../i18n';
import { api } from '../session/client';
import { CopyButton } from '../ui/copy-button';
import { Field, FormError, Select } from '../ui/field';
import { formMessage } from '../ui/form-message';
import { PlanGate } from '../ui/plan-gate';
import { Shell } from '../ui/shell';
import { useIdempotencyKeys } from '../ui/use-idempotency-keys';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { AuditLog } from './audit-log';
import { PhoneNumbersSection } from './phone-numbers';
import { GdprSection, TenantSettingsForm } from './tenant-settings';

const INVITABLE_ROLES = ['member', 'admin'] as const satisfies readonly MembershipRoleName[];

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
              label('role', m.role)
            ) : (
              <>
                <label class="visually-hidden" for={`role-${m.userId}`}>
                  {t('role')}
                </label>
                <select id={`role-${m.userId}`} value={m.role} onChange={(e) => void submit(() => api.members.updateRole(m.userId, { role: (e.currentTarget as HTMLSelectElement).value as 'member' | 'admin' })).then(members.reload)}>
                  {INVITABLE_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {label('role', r)}
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
              <span dir="ltr">{i.email}</span> · {label('role', i.role)} · {label('invitationStatus', i.status)}{' '}
              <button type="button" class="secondary" onClick={() => void submit(() => api.invitations.revoke(i.id)).then(invitations.reload)}>
                {t('revoke')}
              </button>
            </li>
          ))}
      </ul>
      <form onSubmit={invite} noValidate class="inline">
        <Field label={t('email')} name="invite-email" type="email" dir="ltr" value={email} onInput={setEmail} error={problem.fields.email} />
        <Select label={t('role')} name="invite-role" value={role} onChange={setRole} options={INVITABLE_ROLES.map((r) => ({ value: r, label: label('role', r) }))} />
        <button type="submit" disabled={busy}>
          {t('invite')}
        </button>
      </form>
      <FormError message={formMessage(problem, ['email', 'role'])} />
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
      <FormError message={formMessage(problem, ['name'])} />
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
      <AuditLog />
      <GdprSection />
    </Shell>
  );
}
