import { useState } from 'preact/hooks';
import { LeadStatus } from '@vocalia/contracts';
import { formatDate, t } from '../i18n';
import { api } from '../session/client';
import { FormError, Select } from '../ui/field';
import { CsvExportButton } from '../ui/csv-export';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

export function LeadsPage() {
  const [status, setStatus] = useState('');
  const list = useLoad(() => api.leads.list({ status: status || undefined, limit: 50 }), [status]);
  const { problem, submit } = useSubmit();
  const statuses = LeadStatus.options;
  return (
    <Shell title={t('navLeads')}>
      <div class="filters">
        <Select label={t('status')} name="status" value={status} onChange={setStatus} options={[{ value: '', label: t('allStatuses') }, ...statuses.map((s) => ({ value: s, label: s }))]} />
        <CsvExportButton rows={list.data?.items ?? []} columns={['createdAt', 'name', 'email', 'phone', 'score', 'status', 'conversationId']} filename="leads.csv" />
      </div>
      <FormError message={list.error ?? problem.message} />
      <div class="table-wrap">
        <table data-test="leads">
          <thead>
            <tr>
              <th scope="col">{t('created')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('phone')}</th>
              <th scope="col">{t('score')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((lead) => (
              <tr key={lead.id}>
                <td>{lead.conversationId ? <a href={`#/conversations/${encodeURIComponent(lead.conversationId)}`}>{formatDate(lead.createdAt)}</a> : formatDate(lead.createdAt)}</td>
                <td>{lead.name}</td>
                <td dir="ltr">{lead.email}</td>
                <td dir="ltr">{lead.phone}</td>
                <td>{lead.score}</td>
                <td>
                  <label class="visually-hidden" for={`lead-${lead.id}`}>
                    {t('status')}
                  </label>
                  <select id={`lead-${lead.id}`} value={lead.status} onChange={(e) => void submit(() => api.leads.setStatus(lead.id, (e.currentTarget as HTMLSelectElement).value as LeadStatus)).then(list.reload)}>
                    {statuses.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data?.items.length === 0 && <p>{t('none')}</p>}
    </Shell>
  );
}
