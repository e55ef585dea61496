import { formatDate, label, t } from '../i18n';
import { api } from '../session/client';
import { Shell } from '../ui/shell';
import { BookingList, LeadFacts, Transcript } from '../ui/transcript';
import { useLoad } from '../ui/use-load';
import { CallRecording } from './call-recording';
import { callDuration } from './call-duration';

/** One phone call: its facts, lead, transcript, bookings and recording. */
export function CallPage({ id }: { id: string }) {
  const detail = useLoad(() => api.calls.get(id), [id]);
  const c = detail.data;
  return (
    <Shell title={t('callDetail')}>
      <p>
        <a href="#/calls">{t('back')}</a>
      </p>
      {detail.error && <p class="form-error">{detail.error}</p>}
      {c && (
        <>
          <dl class="facts" data-test="call-facts">
            <dt>{t('started')}</dt>
            <dd>{formatDate(c.startedAt)}</dd>
            <dt>{t('direction')}</dt>
            <dd>{label('callDirection', c.direction)}</dd>
            {c.reason && (
              <>
                <dt>{t('callReason')}</dt>
                <dd data-test="call-reason">{label('callReason', c.reason)}</dd>
              </>
            )}
            <dt>{t('phone')}</dt>
            <dd dir="ltr">{c.direction === 'inbound' ? c.from : c.to}</dd>
            <dt>{t('status')}</dt>
            <dd data-test="call-status">{label('callStatus', c.status)}</dd>
            <dt>{t('duration')}</dt>
            <dd data-test="call-duration">{callDuration(c.durationSec)}</dd>
            <dt>{t('leadScore')}</dt>
            <dd>{c.lead?.score ?? 0}</dd>
            <LeadFacts lead={c.lead} />
          </dl>
          {c.recordingUrl && <CallRecording callId={c.id} />}
          <h2>{t('transcript')}</h2>
          {c.transcript.length ? <Transcript messages={c.transcript} /> : <p>{t('none')}</p>}
          <BookingList bookings={c.bookings} />
        </>
      )}
    </Shell>
  );
}
