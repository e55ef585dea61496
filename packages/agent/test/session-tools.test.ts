import { createEngine } from '../src';
import { dentalSnapshot } from './support/fixtures';

const engine = createEngine({ providers: [], now: () => new Date('2026-11-27T10:00:00Z') });

describe('tools for a session a realtime speech model drives', () => {
  it('when a tenant has a knowledge base and tools, then the model is offered knowledge lookup and the agent tools the plan allows', () => {
    const tools = engine.sessionTools(dentalSnapshot(), 'call-1');
    expect(tools.specs.map((s) => s.name)).toEqual(['lookup_knowledge', 'book_appointment', 'qualify_lead', 'transfer_to_human']);
    const limited = engine.sessionTools(dentalSnapshot({ features: ['widget_text', 'human_handoff'] }), 'call-1');
    expect(limited.specs.map((s) => s.name)).toEqual(['transfer_to_human']);
  });

  it('when the model looks up knowledge, then it gets the passage that answers from this tenant only', () => {
    const { result } = engine.sessionTools(dentalSnapshot(), 'call-2').run('lookup_knowledge', { query: 'How much is teeth whitening?' }, { message: '', history: [], language: 'en' });
    expect(result).toEqual({ passages: [expect.objectContaining({ title: 'Prices', text: expect.stringContaining('Teeth whitening: 2500 MAD') })] });
  });

  it('when the model books with every detail, then the booking is the outcome; when details are missing, then it is told which', () => {
    const tools = engine.sessionTools(dentalSnapshot(), 'call-3');
    const turn = { message: 'Book me tomorrow at 10', history: [], language: 'en' as const };
    const done = tools.run('book_appointment', { date: '2026-11-28', time: '10:00', name: 'Amal', phone: '+212600000000' }, turn);
    expect(done.action).toEqual({ type: 'booking', booking: expect.objectContaining({ date: '2026-11-28', time: '10:00', name: 'Amal' }) });
    const partial = tools.run('book_appointment', { date: '2026-11-28' }, turn);
    expect(partial.result).toMatchObject({ status: 'incomplete', missing: expect.arrayContaining(['name']) });
  });

  it('when the model asks for a person, then the hand-off names the transfer number; a tool the tenant lacks is refused', () => {
    const tools = engine.sessionTools(dentalSnapshot({ features: ['widget_text', 'human_handoff'] }), 'call-4');
    expect(tools.run('transfer_to_human', { reason: 'caller asked' }, { message: 'a person please', history: [] }).action).toEqual({ type: 'handoff', reason: 'caller asked', transferNumber: '+212522000001' });
    expect(tools.run('lookup_knowledge', { query: 'prices' }, { message: '', history: [] }).result).toEqual({ error: 'tool lookup_knowledge is not available' });
  });
});
