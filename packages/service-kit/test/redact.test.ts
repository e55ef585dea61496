import { maskPhone, redact } from '../src';

describe('log redaction', () => {
  it('when a phone number is logged, then only its last two digits remain', () => {
    expect(maskPhone('caller +33 6 12 34 56 78 rang')).toBe('caller ***78 rang');
  });

  it('when secrets are logged, then keys named like secrets are redacted at any depth', () => {
    const out = redact({ user: 'a', password: 'p', nested: { apiKey: 'k', authorization: 'Bearer abc.def' } });
    expect(out).toEqual({ user: 'a', password: '[redacted]', nested: { apiKey: '[redacted]', authorization: '[redacted]' } });
  });

  it('when an API key or bearer token appears in text, then it is cut', () => {
    const key = `vk_${'ab12'.repeat(12)}`;
    expect(redact(`key ${key} used`)).toBe('key vk_ab12ab12… used');
    expect(redact('header Bearer eyJhbGciOi.xyz')).toBe('header Bearer [redacted]');
  });
});

describe('log redaction leaves other numbers alone', () => {
  it('when an address or a migration name is logged, then it is kept as is', () => {
    expect(maskPhone('127.0.0.1:5432 applied 20261127110058_init')).toBe('127.0.0.1:5432 applied 20261127110058_init');
    expect(maskPhone('appelez le 06 12 34 56 78')).toBe('appelez le ***78');
  });
});
