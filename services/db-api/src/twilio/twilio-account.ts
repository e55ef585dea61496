import twilio, { type Twilio } from 'twilio';
import { AppError } from '@vocalia/service-kit';
import type { Env } from '../env';

type RequestOptions<TData> = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0] & { data?: TData };

/** The platform's Twilio account: the REST client and what a direct media download needs. */
export interface TwilioAccount {
  client: Twilio;
  accountSid: string;
  authToken: string;
  /** `https://api.twilio.com`, or the local server tests point at. */
  apiBaseUrl: string;
}

const TWILIO_API_HOST = /^https:\/\/api\.twilio\.com(?=\/|$)/;

/**
 * The SDK builds every URL on `https://api.twilio.com`; this client moves them to TWILIO_API_BASE_URL
 * (same path and query; unchanged by default), so tests run the real SDK against a local server.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly apiBaseUrl: string) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(TWILIO_API_HOST, this.apiBaseUrl) });
  }
}

/** Null when the platform has no Twilio credentials configured (telephony routes then answer 503). */
export function createTwilioAccount(env: Pick<Env, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_API_BASE_URL'>): TwilioAccount | null {
  if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN) return null;
  const apiBaseUrl = env.TWILIO_API_BASE_URL.replace(/\/+$/, '');
  const client = twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, { httpClient: new RebasedRequestClient(apiBaseUrl) });
  return { client, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, apiBaseUrl };
}

/** The account, or 503 `telephony not configured` (never a crash) when the platform has none. */
export function requireTwilio(account: TwilioAccount | null): TwilioAccount {
  if (!account) throw new AppError('UNAVAILABLE', 'Telephony not configured: the platform has no Twilio account (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)');
  return account;
}
