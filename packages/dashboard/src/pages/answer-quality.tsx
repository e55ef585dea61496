import type { AnalyticsResponse } from '@vocalia/contracts';
import { formatDate, t, uiLanguage } from '../i18n';

const percent = (rate: number | null) =>
  rate === null ? '—' : new Intl.NumberFormat(uiLanguage.value === 'ary' ? 'ar-MA' : uiLanguage.value, { style: 'percent', maximumFractionDigits: 0 }).format(rate);

/** The answer rate (grounded / grounded + "I don't know") and the questions the agent could not answer: what to add to the knowledge base. */
export function AnswerQuality({ a }: { a: AnalyticsResponse }) {
  return (
    <section>
      <h2>{t('answerRate')}</h2>
      <p>
        <span class="figure" data-test="answer-rate">
          {percent(a.answers.answerRate)}
        </span>{' '}
        {t('answerRateHelp', { grounded: a.answers.grounded, unknown: a.answers.unknown, handoff: a.answers.handoff })}
      </p>
      <h3>{t('unansweredQuestions')}</h3>
      {a.unanswered.length === 0 ? (
        <p>{t('noUnanswered')}</p>
      ) : (
        <div class="table-wrap">
          <table data-test="unanswered">
            <thead>
              <tr>
                <th scope="col">{t('question')}</th>
                <th scope="col">{t('timesAsked')}</th>
                <th scope="col">{t('lastAsked')}</th>
              </tr>
            </thead>
            <tbody>
              {a.unanswered.map((u) => (
                <tr key={u.question}>
                  <td dir="auto">{u.question}</td>
                  <td>{u.count}</td>
                  <td>{formatDate(u.lastAskedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
