import type { CallSummary } from '@vocalia/contracts';
import { formatDate, label, t } from '../i18n';
import { api } from '../session/client';
import { DataTable, type Column } from '../ui/data-table';
import { Shell } from '../ui/shell';
import { useList } from '../ui/use-list';
import { callDuration } from './call-duration';

/** Phone calls (numbers masked by db-api); each opens its detail page (transcript, lead, recording). */
export function CallsPage() {
  const list = useList(() => api.calls.list({ limit: 50 }));
  const columns: Column<CallSummary>[] = [
    { header: t('started'), cell: (c) => <a href={`#/calls/${encodeURIComponent(c.id)}`}>{formatDate(c.startedAt)}</a> },
    { header: t('direction'), cell: (c) => (c.reason ? `${label('callDirection', c.direction)} · ${label('callReason', c.reason)}` : label('callDirection', c.direction)) },
    { header: t('phone'), cell: (c) => (c.direction === 'inbound' ? c.from : c.to), dir: 'ltr' },
    { header: t('status'), cell: (c) => label('callStatus', c.status) },
    { header: t('duration'), cell: (c) => callDuration(c.durationSec) },
    { header: t('recording'), cell: (c) => (c.recordingUrl ? t('yes') : '') },
  ];
  return (
    <Shell title={t('navCalls')}>
      <DataTable name="calls" columns={columns} rows={list.items} rowKey={(c) => c.id} error={list.error} />
    </Shell>
  );
}
