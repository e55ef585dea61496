import { randomBytes } from 'node:crypto';
import { listenLocal, readBody, type LocalServer } from './listen-local';

export interface PlacedCall {
  sid: string;
  accountSid: string;
  /** The form parameters the SDK sent (To, From, Url, StatusCallback, StatusCallbackEvent...). */
  params: URLSearchParams;
  authorization: string | undefined;
}

export const newCallSid = () => `CA${randomBytes(16).toString('hex')}`;

/** Twilio's REST API as far as calls go: place one (`POST .../Calls.json`), update a live one with TwiML (`POST .../Calls/{CallSid}.json`), send an SMS (`POST .../Messages.json`). */
export class FakeTwilioRest {
  readonly placed: PlacedCall[] = [];
  readonly updates: { callSid: string; twiml: string | null }[] = [];
  readonly messages: URLSearchParams[] = [];
  failWith: number | undefined;
  private server: LocalServer | undefined;

  get url(): string {
    if (!this.server) throw new Error('not started');
    return this.server.url;
  }

  async start(): Promise<this> {
    this.server = await listenLocal(async (req, res) => {
      const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const update = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Calls\/(CA[0-9a-f]{32})\.json$/.exec(req.url ?? '');
      if (req.method === 'POST' && update) {
        const callSid = update[2] as string;
        this.updates.push({ callSid, twiml: new URLSearchParams(await readBody(req)).get('Twiml') });
        return send(200, { sid: callSid, account_sid: update[1], status: 'in-progress' });
      }
      const message = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(req.url ?? '');
      if (req.method === 'POST' && message) {
        const params = new URLSearchParams(await readBody(req));
        this.messages.push(params);
        return send(201, { sid: `SM${randomBytes(16).toString('hex')}`, account_sid: message[1], to: params.get('To'), from: params.get('From'), body: params.get('Body'), status: 'queued' });
      }
      const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Calls\.json$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return send(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      const params = new URLSearchParams(await readBody(req));
      if (this.failWith) return send(this.failWith, { code: 20003, message: 'failure chosen by the test', status: this.failWith });
      const sid = newCallSid();
      const accountSid = match[1] as string;
      this.placed.push({ sid, accountSid, params, authorization: req.headers.authorization });
      return send(201, {
        sid,
        account_sid: accountSid,
        to: params.get('To'),
        from: params.get('From'),
        status: 'queued',
        direction: 'outbound-api',
        uri: `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json`,
      });
    });
    return this;
  }

  stop(): Promise<void> {
    return this.server?.close() ?? Promise.resolve();
  }
}
