import { Language } from '@vocalia/contracts';
import { billingDetail, endpointDisabledMail, quotaNoticeMail, statusChangedMail } from '../src/mail/owner-mails';

const graceEndsAt = new Date('2026-03-17T10:00:00.000Z');
const mailsIn = (language: Language) => [
  statusChangedMail('owner@example.test', language, { tenantName: 'Atlas', status: 'past_due', reason: 'payment_failed', graceEndsAt }),
  statusChangedMail('owner@example.test', language, { tenantName: 'Atlas', status: 'suspended', reason: null, graceEndsAt: null }),
  quotaNoticeMail('owner@example.test', language, { tenantName: 'Atlas', quota: 'voiceMinutesIncluded', level: 'warning', used: 800, limit: 1000, hardStop: false }),
  quotaNoticeMail('owner@example.test', language, { tenantName: 'Atlas', quota: 'conversationsPerMonth', level: 'reached', used: 5000, limit: 5000, hardStop: false }),
  endpointDisabledMail('owner@example.test', language, { tenantName: 'Atlas', url: 'https://hooks.example.com/in', reason: 'gone' }),
];

describe('the mails to a tenant’s owners, in each language', () => {
  it('when each mail is written in each language, then it names the tenant and no other language shares its subject or body', () => {
    const all = Language.options.map((language) => mailsIn(language));
    for (const mails of all) {
      for (const mail of mails) expect(`${mail.subject}\n${mail.text}`).toContain('Atlas');
      expect(mails[4]!.text).toContain('https://hooks.example.com/in');
    }
    for (let kind = 0; kind < all[0]!.length; kind++) {
      expect(new Set(all.map((mails) => mails[kind]!.subject)).size).toBe(Language.options.length);
      expect(new Set(all.map((mails) => mails[kind]!.text)).size).toBe(Language.options.length);
    }
  });

  it('when dates and numbers appear, then they are written for a reader of the language, the date in UTC', () => {
    expect(mailsIn('es')[0]!.text).toContain('Tu asistente sigue funcionando hasta el 17 de marzo de 2026 a las 10:00 UTC porque tu último pago ha fallado.');
    expect(mailsIn('en')[2]!.subject).toBe('VocalIA usage: Atlas has used 800 of the 1,000 streaming voice minutes included this month');
    expect(mailsIn('ary')[2]!.subject).toBe('الاستهلاك ف VocalIA: Atlas ستهلك 800 من 1.000 ديال دقايق الصوت المباشر اللي داخلين ف هاد الشهر');
    expect(mailsIn('ar')[0]!.text).toContain('UTC');
    expect(mailsIn('fr')[3]!.text).toContain('Les conversations suivantes de ce mois sont facturées en dépassement.');
  });

  it('when GET /api/v1/billing words its detail, then it is the English sentence with the grace end as an ISO timestamp', () => {
    expect(billingDetail('past_due', 'payment_failed', graceEndsAt)).toBe(
      'Your assistant keeps working until 2026-03-17T10:00:00.000Z because your last payment failed; choose a plan in Dashboard > Billing to keep it running.',
    );
    expect(billingDetail('suspended', null, null)).toContain('Your assistant is paused because of a billing change;');
  });
});
