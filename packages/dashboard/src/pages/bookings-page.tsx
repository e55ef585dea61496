import { formatDate, t } from '../i18n';
import { api } from '../session/client';
import { FormError } from '../ui/field';
import { CsvExportButton } from '../ui/csv-export';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

export function BookingsPage() {
  const list = useLoad(() => api.bookings.list({ limit: 50 }));
  const { busy, problem, submit } = useSubmit();
  const set = (id: string, status: 'confirmed' | 'cancelled' | 'done') => void submit(() => api.bookings.setStatus(id, status)).then(list.reload);
  return (
    <Shell title={t('navBookings')}>
      <div class="filters">
        <CsvExportButton rows={list.data?.items ?? []} columns={['createdAt', 'service', 'requestedDate', 'requestedTime', 'name', 'email', 'phone', 'note', 'status']} filename="bookings.csv" />
      </div>
      <FormError message={list.error ?? problem.message} />
      <div class="table-wrap">
        <table data-test="bookings">
          <thead>
            <tr>
              <th scope="col">{t('created')}</th>
              <th scope="col">{t('service')}</th>
              <th scope="col">{t('requested')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('contact')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((b) => (
              <tr key={b.id}>
                <td>{formatDate(b.createdAt)}</td>
                <td>{b.service}</td>
                <td>{[b.requestedDate, b.requestedTime].filter(Boolean).join(' ')}</td>
                <td>{b.name}</td>
                <td dir="ltr">{[b.email, b.phone].filter(Boolean).join(' · ')}</td>
                <td>{b.status}</td>
                <td>
                  {b.status !== 'confirmed' && (
                    <button type="button" disabled={busy} onClick={() => set(b.id, 'confirmed')}>
                      {t('confirm')}
                    </button>
                  )}{' '}
                  {b.status === 'confirmed' && (
                    <button type="button" disabled={busy} onClick={() => set(b.id, 'done')}>
                      {t('markDone')}
                    </button>
                  )}{' '}
                  {b.status !== 'cancelled' && b.status !== 'done' && (
                    <button type="button" class="secondary" disabled={busy} onClick={() => set(b.id, 'cancelled')}>
                      {t('cancel')}
                    </button>
                  )}
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
