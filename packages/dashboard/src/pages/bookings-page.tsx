import type { BookingListItem } from '@vocalia/contracts';
import { formatDate, label, t } from '../i18n';
import { api } from '../session/client';
import { CsvExportButton } from '../ui/csv-export';
import { DataTable, type Column } from '../ui/data-table';
import { Shell } from '../ui/shell';
import { useList } from '../ui/use-list';

export function BookingsPage() {
  const list = useList(() => api.bookings.list({ limit: 50 }));
  const set = (id: string, status: 'confirmed' | 'cancelled' | 'done') => list.act(() => api.bookings.setStatus(id, status));
  const columns: Column<BookingListItem>[] = [
    { header: t('created'), cell: (b) => formatDate(b.createdAt) },
    { header: t('service'), cell: (b) => b.service },
    { header: t('requested'), cell: (b) => [b.requestedDate, b.requestedTime].filter(Boolean).join(' ') },
    { header: t('name'), cell: (b) => b.name },
    { header: t('contact'), cell: (b) => [b.email, b.phone].filter(Boolean).join(' · '), dir: 'ltr' },
    { header: t('status'), cell: (b) => label('bookingStatus', b.status) },
    {
      header: t('action'),
      hiddenHeader: true,
      cell: (b) => (
        <>
          {b.status !== 'confirmed' && (
            <button type="button" disabled={list.busy} onClick={() => set(b.id, 'confirmed')}>
              {t('confirm')}
            </button>
          )}{' '}
          {b.status === 'confirmed' && (
            <button type="button" disabled={list.busy} onClick={() => set(b.id, 'done')}>
              {t('markDone')}
            </button>
          )}{' '}
          {b.status !== 'cancelled' && b.status !== 'done' && (
            <button type="button" class="secondary" disabled={list.busy} onClick={() => set(b.id, 'cancelled')}>
              {t('cancel')}
            </button>
          )}
        </>
      ),
    },
  ];
  return (
    <Shell title={t('navBookings')}>
      <div class="filters">
        <CsvExportButton rows={list.items ?? []} columns={['createdAt', 'service', 'requestedDate', 'requestedTime', 'name', 'email', 'phone', 'note', 'status']} filename="bookings.csv" />
      </div>
      <DataTable name="bookings" columns={columns} rows={list.items} rowKey={(b) => b.id} error={list.error} />
    </Shell>
  );
}
