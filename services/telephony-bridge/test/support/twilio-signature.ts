import twilio from 'twilio';
import type { Test } from 'supertest';

/** Sign a form body exactly as Twilio does, with the twilio library's own helper, and send it. */
export function signed(test: Test, authToken: string, publicUrl: string, params: Record<string, string>): Test {
  return test.type('form').set('X-Twilio-Signature', twilio.getExpectedTwilioSignature(authToken, publicUrl, params)).send(params);
}
