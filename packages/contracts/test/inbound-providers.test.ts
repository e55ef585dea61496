import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HubSpotBatch, KlaviyoWebhookBody, ShopifyCheckout, ShopifyOrder } from '../src';

const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../fixtures/providers', name), 'utf8'));

describe('provider webhook payloads (fixtures in the providers\' real formats)', () => {
  it('when each fixture is parsed with its schema, then the fields VocalIA reads come out typed', () => {
    expect(ShopifyOrder.parse(fixture('shopify-orders-create.json'))).toMatchObject({ id: '5678901234567', name: '#1042', total_price: 1340, currency: 'MAD' });
    expect(ShopifyCheckout.parse(fixture('shopify-checkouts-update.json'))).toMatchObject({ token: 'c9e8b7a6f5d4c3b2a1908f7e6d5c4b3a', completed_at: null, total_price: 1290 });
    expect(HubSpotBatch.parse(fixture('hubspot-contact-events.json')).map((e) => [e.portalId, e.eventId, e.subscriptionType])[0]).toEqual(['24601357', '1785903412', 'contact.creation']);
    expect(KlaviyoWebhookBody.parse(fixture('klaviyo-system-webhook.json')).meta.klaviyo_account_id).toBe('XyZ9Ab');
  });

  it('when a field VocalIA needs is missing, then the payload is refused naming it', () => {
    const { token: _dropped, ...noToken } = fixture('shopify-checkouts-update.json') as Record<string, unknown>;
    expect(() => ShopifyCheckout.parse(noToken)).toThrow(/token/);
    expect(() => HubSpotBatch.parse([])).toThrow();
  });
});
