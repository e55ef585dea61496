import { Writable } from 'node:stream';
import winston from 'winston';
import { createLogger, maskPhone, redact } from '../src';

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

describe('errors are redacted through and through', () => {
  const key = `vk_${'ab12'.repeat(12)}`;
  const failure = () => new Error('calling +33 6 12 34 56 78 failed', { cause: new Error(`upstream refused ${key} with Bearer eyJhbGciOi.xyz`) });

  it('when an error is redacted, then its stack and its cause (message and stack) are masked like its message', () => {
    const text = JSON.stringify(redact({ err: failure() }));
    expect(text).not.toMatch(/12 34 56 78|ab12ab12ab12|eyJhbGciOi/);
    const out = redact(failure()) as { stack: string; cause: { message: string; stack: string } };
    expect(out.stack).toMatch(/^Error: calling \*\*\*78 failed\n\s+at /);
    expect(out.cause.message).toBe('upstream refused vk_ab12ab12… with Bearer [redacted]');
    expect(out.cause.stack).toMatch(/^Error: upstream refused vk_ab12ab12… with Bearer \[redacted\]\n/);
  });

  it('when the logger is handed an error, then the JSON line keeps its message and stack, redacted, and its cause', () => {
    const lines: string[] = [];
    const logger = createLogger('test', 'info');
    logger.clear().add(new winston.transports.Stream({ stream: new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }) }));
    logger.error(failure());
    logger.error('request failed', { err: failure() });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toMatch(/12 34 56 78|ab12ab12ab12|eyJhbGciOi/);
    const direct = JSON.parse(lines[0] as string) as { message: string; stack: string; cause: { message: string } };
    expect(direct.message).toBe('calling ***78 failed');
    expect(direct.stack).toMatch(/^Error: calling \*\*\*78 failed\n/);
    expect(direct.cause.message).toMatch(/^upstream refused vk_ab12ab12…/);
  });

  it('when a payload holds a BigInt or refers to itself, then the line is still one JSON object, the BigInt as a string', () => {
    const lines: string[] = [];
    const logger = createLogger('test', 'info');
    logger.clear().add(new winston.transports.Stream({ stream: new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }) }));
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    logger.info('counted', { total: 12345678901234567890n, loop });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string) as { message: string; service: string; total: string; loop: { name: string } };
    expect(line).toMatchObject({ message: 'counted', service: 'test', total: '12345678901234567890', loop: { name: 'loop' } });
  });
});
