import { createEngine } from '../src';
import { dentalSnapshot, shopSnapshot } from './support/fixtures';
import { fixedClock, turn } from './support/engine-input';

describe('products for e-commerce tenants', () => {
  const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });

  it('when a shopper looks for a product, then up to three matching catalogue items come back as a products action', async () => {
    const result = await engine.respond(turn(shopSnapshot(), 'Do you have running shoes?'));
    expect(result.intent).toBe('product_search');
    const action = result.actions[0];
    expect(action?.type).toBe('products');
    if (action?.type !== 'products') return;
    expect(action.products.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(action.products[0]).toEqual({ id: 'p1', name: 'Trail running shoes (red)', price: 89.9, currency: 'EUR', url: 'https://zen-shop.example/p1', inStock: true });
    expect(action.products[1]?.inStock).toBe(false);
    expect(result.answer).toContain('Trail running shoes (red), €89.90 (in stock)');
    expect(result.answer).toContain('(out of stock)');
  });

  it('when a shopper asks for the price of a product, then the real catalogue price is given', async () => {
    const result = await engine.respond(turn(shopSnapshot(), 'How much is the yoga mat?'));
    expect(result.answer).toContain('Cork yoga mat, €45.00');
    expect(result.actions[0]).toMatchObject({ type: 'products', products: [{ id: 'p3', price: 45 }] });
  });

  it('when a shopper asks what the shop sells, then at most three items in stock are shown', async () => {
    const result = await engine.respond(turn(shopSnapshot(), 'What products do you sell?'));
    const action = result.actions[0];
    expect(action?.type === 'products' && action.products.length).toBe(3);
    expect(action?.type === 'products' && action.products.every((p) => p.inStock)).toBe(true);
  });

  it('when the product is not in the catalogue, then it says so and offers a person, inventing nothing', async () => {
    const result = await engine.respond(turn(shopSnapshot(), 'Do you have a blender?'));
    expect(result.answer).toContain("I couldn't find that product in our catalogue.");
    expect(result.actions).toEqual([{ type: 'handoff', reason: 'product_not_found', offer: true }]);
    expect(result.handoff).toBe(false);
  });

  it('when the shopper asks about delivery, then the knowledge base answers', async () => {
    const result = await engine.respond(turn(shopSnapshot(), 'How long does delivery take?'));
    expect(result.answer).toContain('Delivery takes 2 to 4 working days');
  });

  it('when the tenant has no product_catalog feature, then no products action is ever returned', async () => {
    const result = await engine.respond(turn(dentalSnapshot(), 'Do you have running shoes?'));
    expect(result.actions.some((a) => a.type === 'products')).toBe(false);
  });
});
