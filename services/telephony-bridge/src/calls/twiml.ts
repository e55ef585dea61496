import type { Language } from '@vocalia/contracts';
import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import { PHONE_VOICES } from './voices';

const { VoiceResponse: TwiML } = twilio.twiml;

/** Seconds of silence before a `<Gather>` gives up and reports an empty result. */
const GATHER_TIMEOUT_SEC = 6;

export interface CallUrls {
  turn: string;
  recording: string;
  dialResult: string;
  whisper: (callSid: string) => string;
  /** Where Twilio goes when a call's media stream ends without the call ending (the `<Connect>` action). */
  streamEnded: string;
}

function say(node: VoiceResponse | VoiceResponse.Gather, language: Language, text: string): void {
  node.say(PHONE_VOICES[language].say, text);
}

/** Speak, then listen for speech or a key; an empty result still reaches the turn URL (re-prompt). */
export function listen(language: Language, text: string, urls: CallUrls, opts: { before?: string; record?: boolean } = {}): string {
  const response = new TwiML();
  if (opts.before) say(response, language, opts.before);
  if (opts.record) response.start().recording({ channels: 'dual', recordingStatusCallback: urls.recording, recordingStatusCallbackEvent: ['completed'] });
  const gather = response.gather({
    input: ['speech', 'dtmf'],
    language: PHONE_VOICES[language].gather,
    action: urls.turn,
    method: 'POST',
    speechTimeout: 'auto',
    timeout: GATHER_TIMEOUT_SEC,
    numDigits: 1,
    actionOnEmptyResult: true,
  });
  say(gather, language, text);
  return response.toString();
}

/** Speak and end the call. */
export function sayAndHangUp(language: Language, ...texts: string[]): string {
  const response = new TwiML();
  for (const text of texts) say(response, language, text);
  response.hangup();
  return response.toString();
}

/** Speak each line with its own language's voice, then end the call (said before any tenant's language is known). */
export function sayEachAndHangUp(lines: readonly { language: Language; text: string }[]): string {
  const response = new TwiML();
  for (const line of lines) say(response, line.language, line.text);
  response.hangup();
  return response.toString();
}

/** Hand the caller to a person: the callee first hears the whisper; the outcome comes back to `dialResult`. */
export function transfer(language: Language, text: string, to: string, callSid: string, urls: CallUrls, record: boolean): string {
  const response = new TwiML();
  say(response, language, text);
  const dial = response.dial({
    action: urls.dialResult,
    method: 'POST',
    timeout: 20,
    ...(record ? { record: 'record-from-answer-dual' as const, recordingStatusCallback: urls.recording, recordingStatusCallbackEvent: ['completed' as const] } : {}),
  });
  dial.number({ url: urls.whisper(callSid), method: 'POST' }, to);
  return response.toString();
}

/** What the person answering a transfer hears before the caller is connected. */
export function whisper(language: Language, text: string): string {
  const response = new TwiML();
  say(response, language, text);
  return response.toString();
}

/**
 * Streaming mode: the call's audio goes both ways over `<Connect><Stream>`; tenant, agent and token ride
 * as `<Parameter>`s. When the stream ends and the call does not (our side closed it: a replica leaving a
 * deploy), Twilio asks `urls.streamEnded` what next.
 */
export function connectStream(language: Language, streamUrl: string, parameters: Record<string, string>, urls: CallUrls, opts: { before?: string; record?: boolean } = {}): string {
  const response = new TwiML();
  if (opts.before) say(response, language, opts.before);
  if (opts.record) response.start().recording({ channels: 'dual', recordingStatusCallback: urls.recording, recordingStatusCallbackEvent: ['completed'] });
  const stream = response.connect({ action: urls.streamEnded, method: 'POST' }).stream({ url: streamUrl });
  for (const [name, value] of Object.entries(parameters)) stream.parameter({ name, value });
  return response.toString();
}
