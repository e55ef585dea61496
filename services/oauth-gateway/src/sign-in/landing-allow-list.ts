import { AppError } from '@vocalia/service-kit';

/** `OAUTH_REDIRECT_ALLOWLIST` (`/app/,/app/#/settings`) -> its entries; the first is where a sign-in lands by default. */
export function parseAllowList(raw: string): string[] {
  const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (!entries.length) throw new Error('OAUTH_REDIRECT_ALLOWLIST names no landing');
  return entries;
}

/** The landing asked for, only when it is exactly one of the allow-list (no prefix match: `/app/../evil` is not `/app/`). */
export function chooseLanding(allowList: string[], asked: string | undefined): string {
  if (asked === undefined) return allowList[0]!;
  if (allowList.includes(asked)) return asked;
  throw new AppError('VALIDATION_FAILED', 'query.redirect: is not an allowed landing', { errors: [{ path: 'query.redirect', message: 'is not an allowed landing' }] });
}

/** The landing with the one-time code in its fragment: browsers never send a fragment to a server nor in a Referer. */
export function landingWithCode(landing: string, code: string): string {
  return `${landing.split('#')[0]}#oauth_code=${code}`;
}
