import type { AvailablePhoneNumberList, AvailablePhoneNumbersQuery } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { requireTwilio } from '../twilio/twilio-account';
import { capabilitiesOf } from './phone-number-view';
import { twilioStatusOf, twilioUpstreamFailed } from './twilio-failure';

/** Local voice numbers for sale on the platform's Twilio account in `country`, optionally containing some digits. */
export async function searchAvailableNumbers(deps: Deps, query: AvailablePhoneNumbersQuery): Promise<AvailablePhoneNumberList> {
  const { client } = requireTwilio(deps.twilio);
  try {
    const found = await client.availablePhoneNumbers(query.country).local.list({ voiceEnabled: true, limit: query.limit, ...(query.contains ? { contains: query.contains } : {}) });
    return {
      items: found.map((n) => ({
        number: n.phoneNumber,
        friendlyName: n.friendlyName,
        locality: n.locality || null,
        region: n.region || null,
        country: n.isoCountry,
        capabilities: capabilitiesOf(n.capabilities),
      })),
    };
  } catch (err) {
    if (twilioStatusOf(err) === 404) {
      throw new AppError('VALIDATION_FAILED', `query.country: no numbers are sold in ${query.country}`, { errors: [{ path: 'query.country', message: `no numbers are sold in ${query.country}`, rule: 'no_numbers_sold' }] });
    }
    throw twilioUpstreamFailed('list available numbers', err);
  }
}
