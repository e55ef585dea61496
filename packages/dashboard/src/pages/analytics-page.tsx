import { Channel, type AnalyticsResponse } from '@vocalia/contracts';
import { label, t } from '../i18n';
import { api } from '../session/client';
import { BarChart } from '../ui/bar-chart';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { AnswerQuality } from './answer-quality';

const CHANNEL_COLORS: Record<Channel, string> = { widget: '#2563eb', voice: '#9333ea', phone: '#059669', api: '#d97706' };

function Pairs({ entries }: { entries: [string, number][] }) {
  return (
    <dl class="facts">
      {entries.map(([name, count]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{count}</dd>
        </div>
      ))}
    </dl>
  );
}

function Figures({ a }: { a: AnalyticsResponse }) {
  return (
    <ul class="cards">
      <li class="card">
        <span class="figure">{a.totals.conversations}</span> {t('conversations')}
      </li>
      <li class="card">
        <span class="figure">{a.totals.handoffs}</span> {t('handoffs')}
      </li>
      <li class="card">
        <span class="figure">{a.totals.leads}</span> {t('leads')}
      </li>
      <li class="card">
        <span class="figure">{a.totals.bookings}</span> {t('bookings')}
      </li>
      <li class="card">
        <span class="figure">{a.minutes.voice + a.minutes.telephony}</span> {t('minutes')}
      </li>
    </ul>
  );
}

export function AnalyticsPage() {
  const analytics = useLoad(() => api.analytics.get());
  const a = analytics.data;
  const rtl = document.documentElement.dir === 'rtl';
  const channels = Channel.options;
  const days = a?.days ?? [];
  return (
    <Shell title={t('navAnalytics')}>
      {analytics.error && <p class="form-error">{analytics.error}</p>}
      {a && (
        <>
          <Figures a={a} />
          <section>
            <h2>{t('conversationsPerDay')}</h2>
            <BarChart
              rtl={rtl}
              labels={days.map((d) => d.date.slice(5))}
              series={channels.map((c) => ({ label: label('channel', c), color: CHANNEL_COLORS[c], values: days.map((d) => d.byChannel[c] ?? 0) }))}
              summary={`${t('conversationsPerDay')}${t('colon')} ${t('total')} ${a.totals.conversations}`}
            />
            <details>
              <summary>{t('conversationsPerDay')}</summary>
              <div class="table-wrap">
                <table data-test="analytics-days">
                  <thead>
                    <tr>
                      <th scope="col">{t('date')}</th>
                      {channels.map((c) => (
                        <th scope="col" key={c}>
                          {label('channel', c)}
                        </th>
                      ))}
                      <th scope="col">{t('total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {days
                      .filter((d) => d.total > 0)
                      .map((d) => (
                        <tr key={d.date} data-date={d.date}>
                          <th scope="row">{d.date}</th>
                          {channels.map((c) => (
                            <td key={c}>{d.byChannel[c] ?? 0}</td>
                          ))}
                          <td class="day-total">{d.total}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>
          <AnswerQuality a={a} />
          <div class="columns">
            <section>
              <h2>{t('leadFunnel')}</h2>
              <Pairs entries={Object.entries(a.leadFunnel).map(([status, count]) => [label('leadStatus', status), count])} />
            </section>
            <section>
              <h2>{t('languages')}</h2>
              <Pairs entries={a.languages.map((l) => [label('language', l.language), l.count])} />
            </section>
            <section>
              <h2>{t('topIntents')}</h2>
              <Pairs entries={a.intents.map((i) => [label('intent', i.intent), i.count])} />
            </section>
          </div>
        </>
      )}
    </Shell>
  );
}
