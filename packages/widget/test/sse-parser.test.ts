import { SseParser } from '../src/browser/sse-parser';

const STREAM = 'event: token\ndata: {"text":"Bon"}\n\nevent: token\ndata: {"text":"jour"}\n\nevent: done\ndata: {"answer":"Bonjour"}\n\n';

describe('SSE parser', () => {
  it('when a whole stream arrives at once, then every event comes out in order', () => {
    const events = new SseParser().push(STREAM);
    expect(events.map((e) => e.event)).toEqual(['token', 'token', 'done']);
    expect(events[1]?.data).toBe('{"text":"jour"}');
  });

  it('when the stream is cut at every possible byte, then the same events come out', () => {
    for (let size = 1; size <= 7; size++) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < STREAM.length; i += size) events.push(...parser.push(STREAM.slice(i, i + size)));
      expect(events).toEqual(new SseParser().push(STREAM));
    }
  });

  it('when lines end with CRLF or CR (even split between chunks), then they are handled like LF', () => {
    const parser = new SseParser();
    const events = [...parser.push('event: token\r\ndata: a\r'), ...parser.push('\n\r\nevent: done\rdata: b\r\r'), ...parser.end()];
    expect(events).toEqual([{ event: 'token', data: 'a' }, { event: 'done', data: 'b' }]);
  });

  it('when an event has several data lines, comments or no event name, then data is joined and the name defaults to message', () => {
    const events = new SseParser().push(': keep-alive\ndata: line 1\ndata:line 2\nid: 7\nretry: 100\n\n');
    expect(events).toEqual([{ event: 'message', data: 'line 1\nline 2' }]);
  });

  it('when an event has no data, then it is not dispatched', () => {
    expect(new SseParser().push('event: token\n\n')).toEqual([]);
  });

  it('when the stream ends without a blank line, then the unfinished event is dropped', () => {
    const parser = new SseParser();
    expect(parser.push('event: done\ndata: {}')).toEqual([]);
    expect(parser.end()).toEqual([]);
  });
});
