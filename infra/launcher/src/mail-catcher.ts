import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface MailCatcher {
  smtpUrl: string;
  /** GET: every caught mail as JSON, newest first. */
  inboxUrl: string;
  stop(): Promise<void>;
}

/** Most recent mails kept in memory; older ones are dropped. */
const KEEP = 200;

/**
 * A local SMTP server that keeps what it receives in memory (nothing is relayed anywhere) and
 * shows it over HTTP, so account mails (invitations, verification, resets) can be read in development.
 */
export async function startMailCatcher(opts: { smtpPort: number; httpPort: number; host?: string }): Promise<MailCatcher> {
  const host = opts.host ?? '127.0.0.1';
  const mails: CaughtMail[] = [];
  let nextId = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.unshift({
            id: nextId++,
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          mails.splice(KEEP);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  const http: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '/').split('?')[0] !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('GET / lists the caught mails\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(`${JSON.stringify(mails, null, 2)}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(opts.smtpPort, host, resolve);
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.httpPort, host, resolve);
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    inboxUrl: `http://${host}:${httpPort}/`,
    stop: async () => {
      http.closeAllConnections();
      await Promise.all([new Promise<void>((r) => http.close(() => r())), new Promise<void>((r) => smtp.close(() => r()))]);
    },
  };
}
