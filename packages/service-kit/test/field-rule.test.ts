import { z } from 'zod';
import { AppError, parseInput } from '../src';

const Signup = z.object({
  email: z.email(),
  company: z.string().min(1).max(40),
  password: z.string().min(10),
  site: z.url(),
  language: z.enum(['fr', 'en']),
  seats: z.number().int().max(5),
  tags: z.array(z.string()).max(2),
});

function fieldsOf(data: unknown) {
  try {
    parseInput(Signup, data);
  } catch (err) {
    if (err instanceof AppError) return Object.fromEntries((err.extras.errors ?? []).map((e) => [e.path, { rule: e.rule, limit: e.limit }]));
  }
  throw new Error('expected a 400');
}

describe('a refused field says which rule it broke, so a client can say it in its own language', () => {
  it('when fields are missing, empty, too long or too short, too big, malformed or not a choice, then each carries its rule and limit', () => {
    expect(fieldsOf({ email: 'not-an-email', company: '', password: 'short', site: 'nope', language: 'de', seats: 9, tags: ['a', 'b', 'c'] })).toEqual({
      'body.email': { rule: 'invalid_email', limit: undefined },
      'body.company': { rule: 'required', limit: undefined },
      'body.password': { rule: 'too_short', limit: 10 },
      'body.site': { rule: 'invalid_url', limit: undefined },
      'body.language': { rule: 'invalid_choice', limit: undefined },
      'body.seats': { rule: 'too_big', limit: 5 },
      'body.tags': { rule: 'too_long', limit: 2 },
    });
  });

  it('when a field is absent, then required; when it has the wrong type, then invalid_type', () => {
    const fields = fieldsOf({ email: 'a@b.example', company: 'x'.repeat(41), password: 1234567890, site: 'https://b.example', language: 'fr', seats: 1, tags: [] });
    expect(fields).toEqual({ 'body.company': { rule: 'too_long', limit: 40 }, 'body.password': { rule: 'invalid_type', limit: undefined } });
    expect(fieldsOf({})['body.email']).toEqual({ rule: 'required', limit: undefined });
  });

  it("when a discriminated union's tag is absent, then required; when it is not one of its values, then invalid_choice", () => {
    const Document = z.discriminatedUnion('kind', [z.object({ kind: z.literal('text'), content: z.string() }), z.object({ kind: z.literal('faq'), faqs: z.array(z.string()) })]);
    const ruleOf = (data: unknown) => {
      try {
        parseInput(Document, data);
      } catch (err) {
        if (err instanceof AppError) return err.extras.errors;
      }
      throw new Error('expected a 400');
    };
    expect(ruleOf({ content: 'x' })).toEqual([expect.objectContaining({ path: 'body.kind', rule: 'required' })]);
    expect(ruleOf({ kind: 'pdf', content: 'x' })).toEqual([expect.objectContaining({ path: 'body.kind', rule: 'invalid_choice' })]);
  });

  it('when a text holds U+0000, then nul_character', () => {
    expect(fieldsOf({ company: 'a\u0000b' })['body.company']).toEqual({ rule: 'nul_character', limit: undefined });
  });
});
