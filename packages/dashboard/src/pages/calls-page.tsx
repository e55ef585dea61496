import { formatDate, t } from '../i18n';
import { api } from '../session/client';
import { FormError } from '../ui/field';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { callDuration } from './call-duration';

/** Phone calls (numbers masked by db-api); each opens its detail page (transcript, lead, recording). */
export function CallsPage() {
  const calls = useLoad(() => api.calls.list({ limit: 50 }));
  return (
    <Shell title={t('navCalls')}>
      <FormError message={calls.error} />
      <div class="table-wrap">
        <table data-test="calls">
          <thead>
            <tr>
              <th scope="col">{t('started')}</th>
              <th scope="col">{t('direction')}</th>
              <th scope="col">{t('phone')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('duration')}</th>
              <th scope="col">{t('recording')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.data?.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`#/calls/${encodeURIComponent(c.id)}`}>{formatDate(c.startedAt)}</a>
                </td>
                <td>{c.direction}</td>
                <td dir="ltr">{c.direction === 'inbound' ? c.from : c.to}</td>
                <td>{c.status}</td>
                <td>{callDuration(c.durationSec)}</td>
                <td>{c.recordingUrl ? t('yes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {calls.data?.items.length === 0 && <p>{t('none')}</p>}
    </Shell>
  );
}
