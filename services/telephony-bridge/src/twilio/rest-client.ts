import twilio, { type Twilio } from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';

export interface TwilioRestOptions {
  accountSid: string;
  authToken: string;
  /** Every API host (api.twilio.com and the rest) is replaced by this origin: a local server speaking Twilio's REST API. */
  baseUrl?: string;
}

/** Sends the SDK's requests to another origin, path and query kept. */
class RedirectingRequestClient extends RequestClient {
  constructor(private readonly origin: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    const base = new URL(this.origin);
    target.protocol = base.protocol;
    target.host = base.host;
    return super.request({ ...opts, uri: target.toString() });
  }
}

/** The platform account's REST client (calls, recordings). */
export function createTwilioRest(opts: TwilioRestOptions): Twilio {
  return twilio(opts.accountSid, opts.authToken, opts.baseUrl ? { httpClient: new RedirectingRequestClient(opts.baseUrl) } : {});
}
