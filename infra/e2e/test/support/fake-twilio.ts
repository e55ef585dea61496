import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, as Twilio would see it. */
export interface TwilioRequest {
  method: string;
  path: string;
  form: URLSearchParams;
}

/**
 * A local server speaking the parts of Twilio's REST API (2010-04-01) the fleet uses, for one account:
 * available numbers, incoming numbers (buy, release), calls (place), messages and recording media.
 * Checks HTTP basic auth as Twilio does. db-api and telephony-bridge reach it through
 * TWILIO_API_BASE_URL with the real `twilio` SDK.
 */
export interface FakeTwilio {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_BASE_URL for both services. */
  env: Record<string, string>;
  requests: TwilioRequest[];
  /** Numbers for sale, per country (ISO code). */
  forSale: Map<string, string[]>;
  /** Numbers the account owns: PN... SID -> number. */
  owned: Map<string, string>;
  /** Recording SID -> audio bytes served at `.../Recordings/{sid}.mp3`. */
  recordings: Map<string, Buffer>;
  /** Calls placed through `Calls.json`: the SID answered and the form sent. */
  placedCalls: { sid: string; form: URLSearchParams }[];
  close(): Promise<void>;
}

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { code: 20404, message: 'The requested resource was not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 });
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = sid('AC');
  const authToken = randomBytes(16).toString('hex');
  const requests: TwilioRequest[] = [];
  const forSale = new Map<string, string[]>();
  const owned = new Map<string, string>();
  const recordings = new Map<string, Buffer>();
  const placedCalls: { sid: string; form: URLSearchParams }[] = [];
  const account = `/2010-04-01/Accounts/${accountSid}`;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake-twilio');
    const method = req.method ?? 'GET';
    const form = await readForm(req);
    requests.push({ method, path: url.pathname, form });
    if (req.headers.authorization !== expectedAuth) return sendJson(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const available = new RegExp(`^${account}/AvailablePhoneNumbers/([A-Z]{2})/Local\\.json$`).exec(url.pathname);
    if (method === 'GET' && available) {
      const contains = url.searchParams.get('Contains')?.replace(/\*/g, '');
      const numbers = (forSale.get(available[1] as string) ?? []).filter((n) => !contains || n.includes(contains));
      return sendJson(res, 200, {
        uri: url.pathname,
        available_phone_numbers: numbers.map((n) => ({ friendly_name: n, phone_number: n, locality: 'Casablanca', region: 'Casablanca-Settat', iso_country: available[1], address_requirements: 'none', beta: false, capabilities: { voice: true, SMS: true, MMS: false, fax: false } })),
      });
    }
    if (method === 'POST' && url.pathname === `${account}/IncomingPhoneNumbers.json`) {
      const number = form.get('PhoneNumber') ?? '';
      const country = [...forSale.values()].find((list) => list.includes(number));
      if (!country) return sendJson(res, 400, { code: 21422, message: 'PhoneNumber requested is not available', status: 400 });
      country.splice(country.indexOf(number), 1);
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
        uri: `${account}/IncomingPhoneNumbers/${pn}.json`,
      });
    }
    const incoming = new RegExp(`^${account}/IncomingPhoneNumbers/(PN[0-9a-f]{32})\\.json$`).exec(url.pathname);
    if (method === 'DELETE' && incoming) return owned.delete(incoming[1] as string) ? res.writeHead(204).end() : notFound(res);
    if (method === 'POST' && url.pathname === `${account}/Calls.json`) {
      const callSid = sid('CA');
      placedCalls.push({ sid: callSid, form });
      return sendJson(res, 201, { sid: callSid, account_sid: accountSid, to: form.get('To'), from: form.get('From'), status: 'queued', direction: 'outbound-api', uri: `${account}/Calls/${callSid}.json` });
    }
    if (method === 'POST' && url.pathname === `${account}/Messages.json`) {
      return sendJson(res, 201, { sid: sid('SM'), account_sid: accountSid, to: form.get('To'), from: form.get('From'), body: form.get('Body'), status: 'queued' });
    }
    const recording = new RegExp(`^${account}/Recordings/(RE[0-9a-f]{32})\\.mp3$`).exec(url.pathname);
    const audio = method === 'GET' && recording ? recordings.get(recording[1] as string) : undefined;
    if (audio) return res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(audio.length) }).end(audio);
    notFound(res);
  };

  const server = createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
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
