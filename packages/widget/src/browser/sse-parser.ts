/** One server-sent event; `event` defaults to "message" as in the EventSource spec. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Incremental text/event-stream parser (WHATWG "event stream interpretation"): feed decoded text as
 * it arrives, in chunks cut anywhere, and get back the events completed so far.
 */
export class SseParser {
  private buffer = '';
  private eventName = '';
  private dataLines: string[] = [];
  private sawData = false;

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A trailing "\r" may be the first half of "\r\n": wait for the next chunk to decide.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** End of stream: a held trailing CR completes its line; an event without its blank line is discarded (spec). */
  end(): SseEvent[] {
    const events = this.buffer.endsWith('\r') ? this.push('\n') : [];
    this.buffer = '';
    this.reset();
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    if (field === 'data') {
      this.dataLines.push(value);
      this.sawData = true;
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const event = this.sawData ? { event: this.eventName || 'message', data: this.dataLines.join('\n') } : undefined;
    this.reset();
    return event;
  }

  private reset(): void {
    this.eventName = '';
    this.dataLines = [];
    this.sawData = false;
  }
}
