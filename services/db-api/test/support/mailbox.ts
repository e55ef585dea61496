import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

/** A real SMTP server on a free local port: db-api sends to it over SMTP_URL, tests read what arrived. */
export interface Mailbox {
  smtpUrl: string;
  received: ReceivedMail[];
  /** Resolves with the next mail to `to` (matching `subject` when given) not yet taken; one that already arrived counts. */
  next(to: string, subject?: RegExp): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** The `token` of the dashboard link in a mail (`.../app/#/<route>?token=...`). */
export function linkToken(mail: ReceivedMail, route: string): string {
  const match = new RegExp(`/app/#/${route}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${route} link in mail "${mail.subject}": ${mail.text}`);
  return decodeURIComponent(match[1]);
}

export async function startMailbox(): Promise<Mailbox> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  const find = (to: string, subject?: RegExp) => received.find((m) => !taken.has(m) && m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));
  const next = async (to: string, subject?: RegExp): Promise<ReceivedMail> => {
    for (;;) {
      const hit = find(to, subject);
      if (hit) {
        taken.add(hit);
        return hit;
      }
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  return { smtpUrl: `smtp://127.0.0.1:${port}`, received, next, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
