import { useState } from 'preact/hooks';
import type { AuditVerification } from '@vocalia/contracts';
import { formatDate, label, t } from '../i18n';
import { api } from '../session/client';
import { FormError } from '../ui/field';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { auditActor } from './audit-actor';

/** The tenant's audit log (newest 50) with who did each thing in words, and the check of its hash chain. */
export function AuditLog() {
  const audit = useLoad(() => api.audit.list({ limit: 50 }));
  // Names for the log's `user:<id>` and `api_key:<id>`; one not listed (refused, or since removed) is said by its kind.
  const members = useLoad(() => api.members.list());
  const apiKeys = useLoad(() => api.apiKeys.list());
  const known = { members: members.data?.items ?? [], apiKeys: apiKeys.data?.items ?? [] };
  // Rows wait for both lists, so an actor does not turn from "a team member" into an email as the owner reads it.
  const namesLoaded = (members.data ?? members.error) !== undefined && (apiKeys.data ?? apiKeys.error) !== undefined;
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
            {namesLoaded &&
              audit.data?.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.seq}</td>
                  <td>{formatDate(entry.at)}</td>
                  <td>{label('auditAction', entry.action)}</td>
                  <td dir="auto" data-actor={entry.actor}>
                    {auditActor(entry.actor, known)}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
