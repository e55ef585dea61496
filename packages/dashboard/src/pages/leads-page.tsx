import { useState } from 'preact/hooks';
import { LeadStatus, type LeadListItem } from '@vocalia/contracts';
import { formatDate, label, t } from '../i18n';
import { api } from '../session/client';
import { Select } from '../ui/field';
import { CsvExportButton } from '../ui/csv-export';
import { DataTable, type Column } from '../ui/data-table';
import { Shell } from '../ui/shell';
import { useList } from '../ui/use-list';

export function LeadsPage() {
  const [status, setStatus] = useState('');
  const list = useList(() => api.leads.list({ status: status || undefined, limit: 50 }), [status]);
  const statuses = LeadStatus.options;
  const columns: Column<LeadListItem>[] = [
    { header: t('created'), cell: (l) => (l.conversationId ? <a href={`#/conversations/${encodeURIComponent(l.conversationId)}`}>{formatDate(l.createdAt)}</a> : formatDate(l.createdAt)) },
    { header: t('name'), cell: (l) => l.name },
    { header: t('email'), cell: (l) => l.email, dir: 'ltr' },
    { header: t('phone'), cell: (l) => l.phone, dir: 'ltr' },
    { header: t('score'), cell: (l) => l.score },
    {
      header: t('status'),
      cell: (l) => (
        <>
          <label class="visually-hidden" for={`lead-${l.id}`}>
            {t('status')}
          </label>
          <select id={`lead-${l.id}`} value={l.status} onChange={(e) => list.act(() => api.leads.setStatus(l.id, (e.currentTarget as HTMLSelectElement).value as LeadStatus))}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {label('leadStatus', s)}
              </option>
            ))}
          </select>
        </>
      ),
    },
  ];
  return (
    <Shell title={t('navLeads')}>
      <div class="filters">
        <Select label={t('status')} name="status" value={status} onChange={setStatus} options={[{ value: '', label: t('allStatuses') }, ...statuses.map((s) => ({ value: s, label: label('leadStatus', s) }))]} />
        <CsvExportButton rows={list.items ?? []} columns={['createdAt', 'name', 'email', 'phone', 'score', 'status', 'conversationId']} filename="leads.csv" />
      </div>
      <DataTable name="leads" columns={columns} rows={list.items} rowKey={(l) => l.id} error={list.error} />
    </Shell>
  );
}
