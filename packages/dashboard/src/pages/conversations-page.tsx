import { useState } from 'preact/hooks';
import { Channel, ConversationStatus, type ConversationSummary } from '@vocalia/contracts';
import { formatDate, label, t } from '../i18n';
import { api } from '../session/client';
import { Field, Select } from '../ui/field';
import { Shell } from '../ui/shell';
import { BookingList, LeadFacts, Transcript } from '../ui/transcript';
import { useLoad } from '../ui/use-load';
import { useList } from '../ui/use-list';
import { DataTable, type Column } from '../ui/data-table';

export function ConversationsPage() {
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [minLeadScore, setMinLeadScore] = useState('');
  const list = useList(
    () => api.conversations.list({ channel: channel || undefined, status: status || undefined, from: from || undefined, minLeadScore: minLeadScore || undefined, limit: 50 }),
    [channel, status, from, minLeadScore],
  );
  const columns: Column<ConversationSummary>[] = [
    { header: t('started'), cell: (c) => <a href={`#/conversations/${encodeURIComponent(c.id)}`}>{formatDate(c.startedAt)}</a> },
    { header: t('channel'), cell: (c) => label('channel', c.channel) },
    { header: t('language'), cell: (c) => label('language', c.language) },
    { header: t('status'), cell: (c) => label('conversationStatus', c.status) },
    { header: t('messages'), cell: (c) => c.messageCount },
    { header: t('leadScore'), cell: (c) => c.leadScore },
    { header: t('contact'), cell: (c) => [c.contact.name, c.contact.email, c.contact.phone].filter(Boolean).join(' · ') },
  ];
  return (
    <Shell title={t('navConversations')}>
      <div class="filters">
        <Select label={t('channel')} name="channel" value={channel} onChange={setChannel} options={[{ value: '', label: t('allChannels') }, ...Channel.options.map((c) => ({ value: c, label: label('channel', c) }))]} />
        <Select label={t('status')} name="status" value={status} onChange={setStatus} options={[{ value: '', label: t('allStatuses') }, ...ConversationStatus.options.map((s) => ({ value: s, label: label('conversationStatus', s) }))]} />
        <Field label={t('since')} name="from" type="date" value={from} onInput={setFrom} />
        <Field label={t('minScore')} name="minLeadScore" type="number" min="0" max="100" value={minLeadScore} onInput={setMinLeadScore} />
      </div>
      <DataTable name="conversations" columns={columns} rows={list.items} rowKey={(c) => c.id} error={list.error} />
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
            <dd>{label('channel', c.channel)}</dd>
            <dt>{t('language')}</dt>
            <dd>{label('language', c.language)}</dd>
            <dt>{t('status')}</dt>
            <dd>{label('conversationStatus', c.status)}</dd>
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
