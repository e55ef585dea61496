import { ConversationEventsJob, conversationTurnsOf } from '@vocalia/contracts';
import { eventually } from '@vocalia/conversation/testing';
import type { MediaClient } from './support/media-client';
import { muLawTone } from './support/media-client';
import { startStreamHarness, type StreamHarness } from './support/stream-harness';

const SHOP = {
  id: 'toolshop',
  number: '+212522000041',
  transferNumber: '+212522777741',
  tools: ['booking', 'lead_qualification', 'handoff', 'catalog_lookup'] as const,
  catalog: [{ id: 'p1', name: 'Trail running shoes', description: 'Light trail running shoes', price: 89, currency: 'EUR', stock: 4 }],
  settings: { maxConcurrentCalls: 50 },
};
let s: StreamHarness;

beforeAll(async () => {
  s = await startStreamHarness('tools', [{ ...SHOP, tools: [...SHOP.tools] }]);
});
afterAll(() => s.close());

/** A streamed call whose model socket is open; returns the client and that call's model connection index. */
async function liveCall(): Promise<{ callSid: string; streamSid: string; client: MediaClient; model: number }> {
  const { callSid, parameters } = await s.answer(SHOP.number);
  const model = s.rt.connections.length;
  const streamSid = `MZ${callSid.slice(2)}`;
  const client = await s.streamFor(callSid, parameters, streamSid);
  await eventually(() => expect(s.rt.of('session.update').length).toBeGreaterThan(model));
  return { callSid, streamSid, client, model };
}

const callTool = (callId: string, name: string, args: Record<string, unknown>) =>
  s.rt.send({ type: 'response.function_call_arguments.done', response_id: 'resp_t', item_id: `item_${callId}`, output_index: 0, call_id: callId, name, arguments: JSON.stringify(args) });

/** The function_call_output the bridge sent back for a call id, parsed. */
const outputOf = (callId: string) =>
  eventually(() => {
    const item = s.rt.of('conversation.item.create').map((m) => m.item as { type: string; call_id: string; output: string }).find((i) => i.call_id === callId);
    expect(item?.type).toBe('function_call_output');
    return JSON.parse(item!.output) as Record<string, unknown>;
  });

describe('tools on streamed calls', () => {
  it('when the session opens, then the model is offered knowledge lookup, the agent tools and end_call', async () => {
    const { client } = await liveCall();
    const update = s.rt.of('session.update').at(-1) as { session: { tools: { type: string; name: string; parameters: object }[]; tool_choice: string } };
    expect(update.session.tools.map((t) => t.name)).toEqual(['lookup_knowledge', 'book_appointment', 'qualify_lead', 'transfer_to_human', 'search_catalog', 'end_call']);
    expect(update.session.tools.every((t) => t.type === 'function' && typeof t.parameters === 'object')).toBe(true);
    expect(update.session.tool_choice).toBe('auto');
    client.close();
  });

  it('when the model looks up knowledge, searches the catalogue or asks for the lead score, then each result goes back as the call output and the model answers', async () => {
    const { client } = await liveCall();
    const responses = s.rt.of('response.create').length;
    callTool('call_kb', 'lookup_knowledge', { query: 'When are you open?' });
    expect(await outputOf('call_kb')).toEqual({ passages: [{ title: 'Opening hours', text: 'Shop toolshop is open Monday to Friday, 9:00 to 18:00.' }] });
    callTool('call_cat', 'search_catalog', { query: 'running shoes' });
    expect(await outputOf('call_cat')).toEqual({ products: [expect.objectContaining({ name: 'Trail running shoes', price: 89, currency: 'EUR', inStock: true })] });
    callTool('call_lead', 'qualify_lead', { summary: 'wants shoes' });
    expect(await outputOf('call_lead')).toMatchObject({ threshold: 60, qualified: false });
    await eventually(() => expect(s.rt.of('response.create').length).toBe(responses + 3));
    client.close();
  });

  it('when the model books an appointment, then the booking is recorded with the spoken turn', async () => {
    const { callSid, client } = await liveCall();
    s.rt.send({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'item_u', transcript: 'Book me Friday at ten, I am Amal, 0600000000' });
    callTool('call_book', 'book_appointment', { date: '2026-12-04', time: '10:00', name: 'Amal', phone: '+212600000000' });
    expect(await outputOf('call_book')).toMatchObject({ status: 'requested' });
    s.rt.send({ type: 'response.output_audio_transcript.done', item_id: 'item_a', transcript: 'Done, the team will confirm Friday at ten.' });
    s.rt.send({ type: 'response.done', response: { id: 'resp_b' } });
    const turn = await eventually(async () => {
      const turns = (await s.h.jobs('conversation-events')).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((t) => t.sessionId === callSid);
      expect(turns).toHaveLength(1);
      return turns[0]!;
    });
    expect(turn.booking).toMatchObject({ date: '2026-12-04', time: '10:00', name: 'Amal', phone: '+212600000000' });
    client.close();
  });

  it('when the model transfers to a person, then the live call is moved to the transfer with its whisper and the model is closed', async () => {
    const { callSid, client, model } = await liveCall();
    callTool('call_tr', 'transfer_to_human', { reason: 'caller asked for a person' });
    const update = await eventually(() => {
      const found = s.h.twilioRest.updates.find((u) => u.callSid === callSid);
      expect(found).toBeDefined();
      return found!;
    });
    expect(update.twiml).toContain('Let me connect you with a member of our team, please hold.');
    expect(update.twiml).toContain(`<Number url="https://edge.example.com/voice/whisper?call=${callSid}" method="POST">${SHOP.transferNumber}</Number>`);
    await eventually(() => expect(s.rt.connections[model]!.readyState).toBe(3));
    client.close();
  });

  it('when the model ends the call, then the reply still playing is heard to its last mark, then the line says goodbye and hangs up', async () => {
    const { callSid, streamSid, client } = await liveCall();
    s.rt.send({ type: 'response.output_audio.delta', item_id: 'item_bye', delta: muLawTone(1) });
    await eventually(() => expect(client.of('mark')).toHaveLength(1));
    callTool('call_end', 'end_call', { reason: 'caller said goodbye' });
    // Nothing yet: the caller has not heard the end of the reply.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s.h.twilioRest.updates.find((u) => u.callSid === callSid)).toBeUndefined();
    client.send({ event: 'mark', streamSid, mark: { name: (client.of('mark')[0]!.mark as { name: string }).name } });
    const update = await eventually(() => {
      const found = s.h.twilioRest.updates.find((u) => u.callSid === callSid);
      expect(found).toBeDefined();
      return found!;
    });
    expect(update.twiml).toMatch(/<Say [^>]*>Thank you for calling\. Goodbye\.<\/Say><Hangup\/><\/Response>$/);
    client.close();
  });
});
