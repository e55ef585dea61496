import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOMAIN_EVENT_DATA, DOMAIN_EVENT_TYPES, DomainEvent, parseDomainEventData, type DomainEventType } from '../src';

const DOCS = readFileSync(resolve(__dirname, '../../../docs/webhooks.md'), 'utf8');

/** `### \`type\`` heading -> the JSON block under it. */
function documentedExamples(): Map<string, unknown> {
  const examples = new Map<string, unknown>();
  for (const [, type, json] of DOCS.matchAll(/^### `([a-z_.]+)`\n[\s\S]*?```json\n([\s\S]*?)```/gm)) examples.set(type!, JSON.parse(json!));
  return examples;
}

describe('webhook event data schemas and their documented examples', () => {
  const examples = documentedExamples();

  it('when docs/webhooks.md is read, then every domain event type has exactly one example and no other type is documented', () => {
    expect([...examples.keys()].sort()).toEqual([...DOMAIN_EVENT_TYPES].sort());
    expect(Object.keys(DOMAIN_EVENT_DATA).sort()).toEqual([...DOMAIN_EVENT_TYPES].sort());
  });

  it.each(DOMAIN_EVENT_TYPES.map((t) => [t]))('when the %s example is parsed, then its envelope and data match the schemas unchanged', (type) => {
    const example = DomainEvent.parse(examples.get(type));
    expect(example.type).toBe(type);
    expect(parseDomainEventData(type, example.data)).toEqual(example.data);
  });

  it('when a field is missing, mistyped or unknown, then the data is refused naming it', () => {
    const started = DomainEvent.parse(examples.get('call.analyzed')).data;
    const { transcript: _dropped, ...missing } = started;
    expect(() => parseDomainEventData('call.analyzed', missing)).toThrow(/transcript/);
    expect(() => parseDomainEventData('call.analyzed', { ...started, leadScore: null })).toThrow(/leadScore/);
    expect(() => parseDomainEventData('usage.threshold_reached', { ...DomainEvent.parse(examples.get('usage.threshold_reached')).data, extra: 1 })).toThrow(/extra/);
  });

  it('when call.analyzed is checked, then none of its fields may be null', () => {
    const data = DomainEvent.parse(examples.get('call.analyzed')).data;
    for (const key of Object.keys(data)) expect(() => parseDomainEventData('call.analyzed' as DomainEventType, { ...data, [key]: null })).toThrow();
  });
});
