import { startMailCatcher } from './mail-catcher';
import { maskUrl } from './mask-url';
import { preferredOrFreePort } from './ports';

export interface ResolvedMail {
  smtpUrl: string;
  /** One human line: where mail goes, and where the catcher's inbox can be read. */
  description: string;
  stop: () => Promise<void>;
}

/** SMTP_URL when set; otherwise a local catcher (SMTP on 1025 and its inbox on 1080 when free, like maildev's). */
export async function resolveMail(opts: { envUrl?: string; smtpPort?: number; inboxPort?: number }): Promise<ResolvedMail> {
  if (opts.envUrl) return { smtpUrl: opts.envUrl, description: `mail: sent through SMTP_URL ${maskUrl(opts.envUrl)}`, stop: async () => undefined };
  const catcher = await startMailCatcher({ smtpPort: await preferredOrFreePort(opts.smtpPort ?? 1025), httpPort: await preferredOrFreePort(opts.inboxPort ?? 1080) });
  return {
    smtpUrl: catcher.smtpUrl,
    description: `mail: no SMTP_URL, so account mails stay on this machine; read them at ${catcher.inboxUrl} (local SMTP catcher ${catcher.smtpUrl})`,
    stop: catcher.stop,
  };
}
