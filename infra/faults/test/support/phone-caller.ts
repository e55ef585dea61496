import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import twilio from 'twilio';

/** What the line accepted: each question a turn answered, and each call whose end Twilio's callback delivered, with its seconds. */
export interface AcceptedCalls {
  questions: string[];
  ended: Map<string, number>;
}

export interface TwilioLine {
  edgeUrl: string;
  accountSid: string;
  authToken: string;
  /** The business's number the caller dials. */
  number: string;
}

/** A form POST exactly as Twilio sends it to the edge: signed with the account's auth token over the URL it calls. */
function post(line: TwilioLine, path: string, params: Record<string, string>): Promise<Response | undefined> {
  const signature = twilio.getExpectedTwilioSignature(line.authToken, `${line.edgeUrl}${path}`, params);
  return fetch(`${line.edgeUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  }).catch(() => undefined);
}

const answered = async (res: Response | undefined) => res?.status === 200 && (await res.text()).includes('<Gather');

/** A call the agent picked up: the caller can ask (true when the agent answered and listens again) and hang up (true when the callback was taken). */
export interface LiveCall {
  callSid: string;
  ask(question: string): Promise<boolean>;
  end(seconds: number): Promise<boolean>;
}

/** Dials the line as Twilio would (`ringing` to /voice/inbound); undefined when the agent did not pick up. */
export async function ring(line: TwilioLine, caller: number): Promise<LiveCall | undefined> {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const call = (extra: Record<string, string>) => ({ CallSid: callSid, AccountSid: line.accountSid, From: `+3361234${String(caller).padStart(4, '0')}`, To: line.number, CallStatus: 'in-progress', Direction: 'inbound', ...extra });
  if (!(await answered(await post(line, '/voice/inbound', call({ CallStatus: 'ringing' }))))) return undefined;
  return {
    callSid,
    ask: async (question) => answered(await post(line, '/voice/turn', call({ SpeechResult: question, Confidence: '0.9' }))),
    end: async (seconds) => (await post(line, '/voice/status', call({ CallStatus: 'completed', CallDuration: String(seconds) })))?.status === 204,
  };
}

/** One question and the end of `call`, each noted in `accepted` when the line took it. */
export async function askAndHangUp(call: LiveCall, question: string, seconds: number, accepted: AcceptedCalls): Promise<void> {
  if (await call.ask(question)) accepted.questions.push(question);
  if (await call.end(seconds)) accepted.ended.set(call.callSid, seconds);
}

/**
 * One caller dialling turn-based calls in a loop until told to stop: ringing, one question (unique
 * text, so its rows can be counted), then Twilio's "completed" status callback with the call's seconds.
 */
export function callUntilStopped(line: TwilioLine, caller: number, accepted: AcceptedCalls, stop: { now: boolean }): Promise<void> {
  return (async () => {
    for (let n = 0; !stop.now; n += 1) {
      const call = await ring(line, caller);
      if (call) await askAndHangUp(call, `Quels sont vos horaires le samedi ? appelant ${caller} appel ${n}`, 5 + (n % 40), accepted);
      else await sleep(50);
    }
  })();
}
