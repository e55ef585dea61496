import type { ReadableStream } from 'node:stream/web';
import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { requireTwilio } from '../twilio/twilio-account';

export interface RecordingStream {
  body: ReadableStream<Uint8Array>;
  contentLength: string | null;
}

const FETCH_TIMEOUT_MS = 15_000;

/**
 * The call's recording as Twilio serves it (MP3), fetched with the platform's credentials from the SID
 * stored on the call: the tenant never sees the Twilio URL, and no stored URL is ever followed.
 */
export async function openCallRecording(deps: Deps, tenantId: string, id: string): Promise<RecordingStream> {
  const call = await deps.prisma.call.findFirst({ where: { id, tenantId }, select: { recordingSid: true } });
  if (!call) throw notFound('Call');
  if (!call.recordingSid) throw notFound('Recording');
  const account = requireTwilio(deps.twilio);
  const url = `${account.apiBaseUrl}/2010-04-01/Accounts/${account.accountSid}/Recordings/${encodeURIComponent(call.recordingSid)}.mp3`;
  const authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
  const res = await fetch(url, { headers: { authorization }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }).catch(() => {
    throw new AppError('UPSTREAM_FAILED', 'Twilio did not answer for the recording');
  });
  if (res.status === 404) throw notFound('Recording');
  if (!res.ok || !res.body) throw new AppError('UPSTREAM_FAILED', `Twilio refused the recording (HTTP ${res.status})`);
  return { body: res.body as ReadableStream<Uint8Array>, contentLength: res.headers.get('content-length') };
}
