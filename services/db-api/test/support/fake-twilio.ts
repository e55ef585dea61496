import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTwilioRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
}

/**
 * A local server speaking the parts of Twilio's REST API (2010-04-01) the fleet uses, for one account:
 * available numbers, incoming numbers (buy, release), calls (place), messages and recording media.
 * Checks HTTP basic auth like Twilio. db-api and telephony-bridge reach it through TWILIO_API_BASE_URL
 * with the real `twilio` SDK (db-api's tests and the fleet's e2e tests share it).
 */
export interface FakeTwilio {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_BASE_URL for the services under test. */
  env: Record<string, string>;
  requests: FakeTwilioRequest[];
  /** Numbers for sale, per country. */
  forSale: Map<string, string[]>;
  /** Owned numbers: SID -> number. */
  owned: Map<string, string>;
  /** Recording SID -> audio bytes. */
  recordings: Map<string, Buffer>;
  /** Calls placed through `Calls.json`: the SID answered and the form sent. */
  placedCalls: { sid: string; form: URLSearchParams }[];
  close(): Promise<void>;
}

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  sendJson(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = sid('AC');
  const authToken = randomBytes(16).toString('hex');
  const requests: FakeTwilioRequest[] = [];
  const forSale = new Map<string, string[]>();
  const owned = new Map<string, string>();
  const recordings = new Map<string, Buffer>();
  const placedCalls: { sid: string; form: URLSearchParams }[] = [];
  const account = `/2010-04-01/Accounts/${accountSid}`;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake-twilio');
      const form = await readForm(req);
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, form });
      if (req.headers.authorization !== expectedAuth) return twilioError(res, 401, 20003, 'Authenticate');
      const available = new RegExp(`^${account}/AvailablePhoneNumbers/([A-Z]{2})/Local\\.json$`).exec(url.pathname);
      if (req.method === 'GET' && available) {
        const numbers = forSale.get(available[1] as string);
        if (!numbers) return twilioError(res, 404, 20404, 'The requested resource was not found');
        const contains = url.searchParams.get('Contains');
        const pageSize = Number(url.searchParams.get('PageSize') ?? 50);
        const matching = numbers.filter((n) => !contains || n.includes(contains.replace(/\*/g, ''))).slice(0, pageSize);
        return sendJson(res, 200, {
          uri: url.pathname,
          available_phone_numbers: matching.map((n) => ({
            friendly_name: `(${n.slice(4, 7)}) ${n.slice(7)}`,
            phone_number: n,
            locality: 'Casablanca',
            region: 'Casablanca-Settat',
            iso_country: available[1],
            address_requirements: 'none',
            beta: false,
            capabilities: { voice: true, SMS: true, MMS: false, fax: false },
          })),
        });
      }
      if (req.method === 'POST' && url.pathname === `${account}/IncomingPhoneNumbers.json`) {
        const number = form.get('PhoneNumber') ?? '';
        const country = [...forSale.entries()].find(([, list]) => list.includes(number));
        if (!country) return twilioError(res, 400, 21422, 'PhoneNumber requested is not available');
        country[1].splice(country[1].indexOf(number), 1);
        const pn = sid('PN');
        owned.set(pn, number);
        return sendJson(res, 201, {
          sid: pn,
          account_sid: accountSid,
          phone_number: number,
          friendly_name: number,
          voice_url: form.get('VoiceUrl'),
          voice_method: form.get('VoiceMethod'),
          status_callback: form.get('StatusCallback'),
          status_callback_method: form.get('StatusCallbackMethod'),
          capabilities: { voice: true, sms: true, mms: false, fax: false },
          date_created: new Date().toUTCString(),
          uri: `${account}/IncomingPhoneNumbers/${pn}.json`,
        });
      }
      const incoming = new RegExp(`^${account}/IncomingPhoneNumbers/(PN[0-9a-f]{32})\\.json$`).exec(url.pathname);
      if (req.method === 'DELETE' && incoming) {
        if (!owned.delete(incoming[1] as string)) return twilioError(res, 404, 20404, 'The requested resource was not found');
        return res.writeHead(204).end();
      }
      if (req.method === 'POST' && url.pathname === `${account}/Calls.json`) {
        const callSid = sid('CA');
        placedCalls.push({ sid: callSid, form });
        return sendJson(res, 201, { sid: callSid, account_sid: accountSid, to: form.get('To'), from: form.get('From'), status: 'queued', direction: 'outbound-api', uri: `${account}/Calls/${callSid}.json` });
      }
      if (req.method === 'POST' && url.pathname === `${account}/Messages.json`) {
        return sendJson(res, 201, { sid: sid('SM'), account_sid: accountSid, to: form.get('To'), from: form.get('From'), body: form.get('Body'), status: 'queued' });
      }
      const recording = new RegExp(`^${account}/Recordings/(RE[0-9a-f]{32})\\.mp3$`).exec(url.pathname);
      if (req.method === 'GET' && recording) {
        const audio = recordings.get(recording[1] as string);
        if (!audio) return twilioError(res, 404, 20404, 'The requested resource was not found');
        return res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(audio.length) }).end(audio);
      }
      twilioError(res, 404, 20404, 'The requested resource was not found');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    accountSid,
    authToken,
    env: { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_API_BASE_URL: baseUrl },
    requests,
    forSale,
    owned,
    recordings,
    placedCalls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
