import { TenantIndexCache, TurnAnalyzer } from '../src';
import { enabledTools } from '../src/providers/tool-specs';
import { dentalSnapshot } from './support/fixtures';

function toolsFor(snapshot: ReturnType<typeof dentalSnapshot>): string[] {
  const analyzer = new TurnAnalyzer({ indexes: new TenantIndexCache(), now: () => new Date('2026-11-27T10:00:00Z') });
  const analysis = analyzer.analyze({ snapshot, sessionId: 'session-tools', message: 'Bonjour', history: [] });
  return enabledTools(analysis).map((t) => t.name);
}

describe('tools offered to a model', () => {
  it('when an agent enables tools with the dashboard names, then the model gets the matching functions', () => {
    expect(toolsFor(dentalSnapshot())).toEqual(['book_appointment', 'qualify_lead', 'transfer_to_human']);
  });

  it('when the plan lacks the feature behind a tool, then that function is withheld', () => {
    const snapshot = dentalSnapshot({ features: ['widget_text', 'knowledge_base', 'lead_scoring', 'human_handoff'] });
    expect(toolsFor(snapshot)).toEqual(['qualify_lead', 'transfer_to_human']);
  });
});
