import nodemailer from 'nodemailer';
import type { Logger } from '@vocalia/service-kit';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail over SMTP (SMTP_URL), from MAIL_FROM. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** For answers that must not depend on whether a mail goes out: a failure is logged, never thrown. */
  sendLater(mail: Mail, what: string): void;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string, logger: Logger): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  const send = async (mail: Mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
  return {
    send,
    sendLater(mail, what) {
      send(mail).catch((err: unknown) => logger.error('mail not sent', { what, error: err instanceof Error ? err.message : String(err) }));
    },
    close: () => transport.close(),
  };
}
