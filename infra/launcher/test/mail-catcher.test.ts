import nodemailer from 'nodemailer';
import { resolveMail } from '../src/resolve-mail';

describe('mail without SMTP_URL', () => {
  it('when no SMTP_URL is set, then a local catcher takes real SMTP mail and its inbox URL shows it', async () => {
    const mail = await resolveMail({ smtpPort: 0, inboxPort: 0 });
    try {
      expect(mail.description).toMatch(/^mail: no SMTP_URL, .*read them at http:\/\/127\.0\.0\.1:\d+\//);
      const transport = nodemailer.createTransport(mail.smtpUrl);
      await transport.sendMail({ from: 'VocalIA <no-reply@vocalia.local>', to: 'owner@example.test', subject: 'Reset your VocalIA password', text: 'https://edge/app/#/reset-password?token=abc' });
      transport.close();
      const inboxUrl = /read them at (\S+)/.exec(mail.description)?.[1] as string;
      const inbox = (await (await fetch(inboxUrl)).json()) as { to: string[]; subject: string; text: string }[];
      expect(inbox).toEqual([expect.objectContaining({ to: ['owner@example.test'], subject: 'Reset your VocalIA password', text: expect.stringContaining('reset-password?token=abc') })]);
    } finally {
      await mail.stop();
    }
  });

  it('when SMTP_URL is set, then it is used as is and nothing is started', async () => {
    const mail = await resolveMail({ envUrl: 'smtps://mailer:secret@smtp.example.com:465' });
    expect(mail.smtpUrl).toBe('smtps://mailer:secret@smtp.example.com:465');
    expect(mail.description).toBe('mail: sent through SMTP_URL smtps://mailer:****@smtp.example.com:465');
  });
});
