import type { ConversationDetail } from '@vocalia/contracts';
import { label, t } from '../i18n';

type Messages = ConversationDetail['messages'];
type Lead = ConversationDetail['lead'];
type Bookings = ConversationDetail['bookings'];

/** The messages of a conversation or call, each in its own language and direction under who said it (in the interface's). */
export function Transcript({ messages }: { messages: Messages }) {
  return (
    <ol class="transcript" data-test="transcript">
      {messages.map((m) => (
        <li key={m.id} class={`msg ${m.role}`}>
          <span class="who">{label('messageRole', m.role)}</span>{' '}
          <span class="text" lang={m.language ?? undefined} dir="auto">
            {m.text}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The lead's status and BANT breakdown, as two rows of a facts list. */
export function LeadFacts({ lead }: { lead: Lead }) {
  if (!lead) return null;
  return (
    <>
      <dt>{t('leads')}</dt>
      <dd>
        {label('leadStatus', lead.status)} · BANT {Object.entries(lead.bant).map(([axis, points]) => t('bantAxisPoints', { axis: label('bantAxis', axis), points })).join(', ')}
      </dd>
    </>
  );
}

export function BookingList({ bookings }: { bookings: Bookings }) {
  if (bookings.length === 0) return null;
  return (
    <>
      <h2>{t('bookings')}</h2>
      <ul class="list">
        {bookings.map((b) => (
          <li key={b.id}>{[b.service, b.requestedDate, b.requestedTime, label('bookingStatus', b.status)].filter(Boolean).join(' · ')}</li>
        ))}
      </ul>
    </>
  );
}
