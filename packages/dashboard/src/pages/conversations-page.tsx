import { useState } from 'preact/hooks';
import { formatDate, t } from '../i18n';
import { api } from '../session/client';
import { Field, Select } from '../ui/field';
import { Shell } from '../ui/shell';
import { BookingList, LeadFacts, Transcript } from '../ui/transcript';
import { useLoad } from '../ui/use-load';

const CHANNELS = ['widget', 'voice', 'phone', 'api'] as const;
const STATUSES = ['open', 'closed', 'handoff'] as const;

export function ConversationsPage() {
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [minLeadScore, setMinLeadScore] = useState('');
  const list = useLoad(
    () => api.conversations.list({ channel: channel || undefined, status: status || undefined, from: from || undefined, minLeadScore: minLeadScore || undefined, limit: 50 }),
    [channel, status, from, minLeadScore],
  );
  return (
    <Shell title={t('navConversations')}>
      <div class="filters">
        <Select label={t('channel')} name="channel" value={channel} onChange={setChannel} options={[{ value: '', label: t('allChannels') }, ...CHANNELS.map((c) => ({ value: c, label: c }))]} />
        <Select label={t('status')} name="status" value={status} onChange={setStatus} options={[{ value: '', label: t('allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: s }))]} />
        <Field label={t('since')} name="from" type="date" value={from} onInput={setFrom} />
        <Field label={t('minScore')} name="minLeadScore" type="number" min="0" max="100" value={minLeadScore} onInput={setMinLeadScore} />
      </div>
      {list.error && <p class="form-error">{list.error}</p>}
      <div class="table-wrap">
        <table data-test="conversations">
          <thead>
            <tr>
              <th scope="col">{t('started')}</th>
              <th scope="col">{t('channel')}</th>
              <th scope="col">{t('language')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('messages')}</th>
              <th scope="col">{t('leadScore')}</th>
              <th scope="col">{t('contact')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`#/conversations/${encodeURIComponent(c.id)}`}>{formatDate(c.startedAt)}</a>
                </td>
                <td>{c.channel}</td>
                <td>{c.language}</td>
                <td>{c.status}</td>
                <td>{c.messageCount}</td>
                <td>{c.leadScore}</td>
                <td>{[c.contact.name, c.contact.email, c.contact.phone].filter(Boolean).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data?.items.length === 0 && <p>{t('none')}</p>}
    </Shell>
  );
}

export function ConversationPage({ id }: { id: string }) {
  const detail = useLoad(() => api.conversations.get(id), [id]);
  const c = detail.data;
  return (
    <Shell title={t('transcript')}>
      <p>
        <a href="#/conversations">{t('back')}</a>
      </p>
      {detail.error && <p class="form-error">{detail.error}</p>}
      {c && (
        <>
          <dl class="facts">
            <dt>{t('channel')}</dt>
            <dd>{c.channel}</dd>
            <dt>{t('language')}</dt>
            <dd>{c.language}</dd>
            <dt>{t('status')}</dt>
            <dd>{c.status}</dd>
            <dt>{t('leadScore')}</dt>
            <dd>{c.leadScore}</dd>
            <LeadFacts lead={c.lead} />
          </dl>
          <Transcript messages={c.messages} />
          <BookingList bookings={c.bookings} />
        </>
      )}
    </Shell>
  );
}
