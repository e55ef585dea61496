import type { Language, ResolvedPhoneNumber } from '@vocalia/contracts';
import type { Logger, Places } from '@vocalia/service-kit';
import type { StreamTokens } from '../stream/stream-token';
import type { PhoneTurns } from '../turns/phone-turns';
import type { CallAdmission, CallCap } from './call-admission';
import type { CallEvents } from './call-events';
import type { CallStore } from './call-store';
import type { HeldEnds } from './held-ends';
import type { CallUrls } from './twiml';

export interface NumberDirectory {
  /** Who answers a dialled number (cached); null when no tenant owns it. */
  resolve(number: string): Promise<ResolvedPhoneNumber | null>;
}

/** Twilio's Messages API, from one of the platform's numbers. */
export interface SmsSender {
  send(message: { to: string; from: string; body: string }): Promise<void>;
}

export interface CallDeps {
  logger: Logger;
  numbers: NumberDirectory;
  /** Refuses a call before it starts (account restricted, phone minutes used up). */
  admission: CallAdmission;
  /** Cuts a call's maximum duration, at answer time, to the phone minutes left. */
  callCap: CallCap;
  turns: PhoneTurns;
  calls: CallStore;
  slots: Places;
  events: CallEvents;
  /** Ends of calls whose state Redis could not give, recorded once it can say they were not refused. */
  heldEnds: Pick<HeldEnds, 'hold'>;
  sms: SmsSender;
  urls: CallUrls;
  /** Streaming mode (a realtime model is configured): calls connect to this `wss://` URL instead of `<Gather>`. */
  stream?: { url: string; tokens: StreamTokens };
  now: () => number;
}

/** The line's language before any tenant is known (an unknown number, the directory down). */
export const LINE_LANGUAGE: Language = 'fr';

/** Refusals said before any tenant is known are said in each of these, one after the other. */
export const LINE_LANGUAGES: readonly Language[] = ['fr', 'en'];

/** How long past its maximum duration a call's place in the tenant's limit is held if its end is never reported. */
export const SLOT_MARGIN_SEC = 300;
