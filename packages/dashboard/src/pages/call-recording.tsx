import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, call } from '../session/client';
import { PlanGate } from '../ui/plan-gate';
import { toProblem } from '../ui/problem';

/**
 * The recording through db-api's proxy (`GET /api/v1/calls/:id/recording`, with the access token):
 * fetched when asked for, played from a blob URL that is released when the page goes.
 */
function RecordingPlayer({ callId }: { callId: string }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const load = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const bytes = await call(() => api.calls.recording(callId));
      setUrl(URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'audio/mpeg' })));
    } catch (err) {
      setError(toProblem(err).message);
    } finally {
      setBusy(false);
    }
  };
  if (url) return <audio controls src={url} data-test="recording-player" aria-label={t('recording')} />;
  return (
    <>
      <button type="button" name="load-recording" onClick={() => void load()} disabled={busy}>
        {t('playRecording')}
      </button>
      {error && <p class="form-error">{error}</p>}
    </>
  );
}

export function CallRecording({ callId }: { callId: string }) {
  return (
    <section>
      <h2>{t('recording')}</h2>
      <PlanGate feature="call_recording">
        <RecordingPlayer callId={callId} />
      </PlanGate>
    </section>
  );
}
