import { createEngine } from '../src';
import { fixedClock, turn } from './support/engine-input';
import { shopSnapshot } from './support/fixtures';

/** Zen Shop's catalogue and policies are written in English; its shoppers ask in all five languages. */
const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
const productsFor = async (message: string) => {
  const result = await engine.respond(turn(shopSnapshot(), message));
  return result.actions.flatMap((a) => (a.type === 'products' ? a.products.map((p) => p.name) : []));
};

describe('an English catalogue found from a question in any of the five languages', () => {
  it.each([
    ['Vous avez des chaussures de course ?', ['Trail running shoes (red)', 'Road running shoes (blue)']],
    ['واش عندكم صبابط ديال الجري؟', ['Trail running shoes (red)', 'Road running shoes (blue)']],
    ['Je cherche un tapis de yoga', ['Cork yoga mat']],
    ['¿Tienen esterillas de yoga?', ['Cork yoga mat']],
    ["C'est combien la gourde ?", ['Insulated water bottle']],
    ['Vous avez des bouteilles isothermes ?', ['Insulated water bottle']],
    ['Vous les avez en rouge ?', ['Trail running shoes (red)']],
  ])('when a shopper asks "%s", then %j come back from the catalogue', async (message, names) => {
    expect(await productsFor(message)).toEqual(names);
  });

  it('when the product is in no language of the catalogue ("Do you sell perfume?"), then nothing is invented', async () => {
    expect(await productsFor('Do you sell perfume?')).toEqual([]);
  });

  it.each(['Je peux retourner un article ?', '¿Puedo devolver un producto?', 'واش نقدر نرجع السلعة؟'])('when a shopper asks about returns (%s), then the returns policy answers, not "product not found"', async (message) => {
    const result = await engine.respond(turn(shopSnapshot(), message));
    expect(result.answer).toContain('You can return any item within 30 days for a full refund.');
  });
});
