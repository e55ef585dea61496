import { immutablePath, snippetHtml } from '../src';

const SRI = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';

describe('snippetHtml', () => {
  it('when given the immutable URL and its SRI, then it produces exactly the pinned one-line snippet', () => {
    const url = `https://api.vocalia.ai${immutablePath('0123456789ab')}`;
    expect(snippetHtml({ scriptUrl: url, tenantId: 'acme', sri: SRI })).toBe(
      `<script src="https://api.vocalia.ai/widget/v1.0123456789ab/vocalia.js" data-vocalia-tenant="acme" integrity="${SRI}" crossorigin="anonymous" async></script>`,
    );
  });

  it('when given the latest URL, then no integrity is emitted (it would break at the next deploy)', () => {
    expect(snippetHtml({ scriptUrl: 'https://api.vocalia.ai/widget/v1/vocalia.js', tenantId: 'acme', sri: SRI })).toBe(
      '<script src="https://api.vocalia.ai/widget/v1/vocalia.js" data-vocalia-tenant="acme" async></script>',
    );
  });

  it('when a value contains HTML, then it is escaped inside the attribute', () => {
    expect(snippetHtml({ scriptUrl: 'https://a.example/widget/v1/vocalia.js?x="><img>', tenantId: 'a&b"' })).toBe(
      '<script src="https://a.example/widget/v1/vocalia.js?x=&quot;&gt;&lt;img&gt;" data-vocalia-tenant="a&amp;b&quot;" async></script>',
    );
  });

  it('when inputs are wrong, then it throws with a message saying what', () => {
    expect(() => snippetHtml({ scriptUrl: '/widget/v1/vocalia.js', tenantId: 'a' })).toThrow(/absolute/);
    expect(() => snippetHtml({ scriptUrl: 'https://a.example/widget/v1/vocalia.js', tenantId: ' ' })).toThrow(/tenantId/);
    expect(() => snippetHtml({ scriptUrl: 'https://a.example/widget/v1/vocalia.js', tenantId: 'a', sri: 'md5-x' })).toThrow(/sri/);
  });
});
