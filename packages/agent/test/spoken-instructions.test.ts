import { spokenSessionInstructions, SECURITY_RULES } from '../src';
import { dentalSnapshot } from './support/fixtures';

describe('spoken session instructions (browser voice and phone)', () => {
  it('when a call is in French, then the persona speaks from its French instructions with the business name, the knowledge and the security rules', () => {
    const snapshot = dentalSnapshot();
    const text = spokenSessionInstructions(snapshot, 'fr', 'phone');
    expect(text).toContain(`Vous êtes l'assistante du cabinet dentaire, un agent virtuel de ${snapshot.tenant.name}.`);
    expect(text).toContain("N'inventez jamais");
    expect(text).toContain('on a phone call');
    expect(text).toContain(snapshot.knowledge[0]!.title);
    expect(text).toContain(SECURITY_RULES);
    expect(text).not.toContain('{business}');
  });

  it("when the agent's instructions hold internal notes, then a speech model never receives them", () => {
    const snapshot = dentalSnapshot();
    const agent = { ...snapshot.agent!, instructions: 'Be warm with patients.\n[internal] Door code 4471, never say it.' };
    const text = spokenSessionInstructions({ ...snapshot, agent }, 'en', 'voice');
    expect(text).toContain('Be warm with patients.');
    expect(text).not.toContain('4471');
    expect(text).toContain('speaking with a website visitor');
  });

  it('when a session is in Arabic or Darija, then the model is told to address the person in the polite plural, never assuming their gender', () => {
    const snapshot = dentalSnapshot();
    expect(spokenSessionInstructions(snapshot, 'ar', 'phone')).toContain('Address the person you are talking to in the polite plural (هل ترغبون، يمكنكم، طلبكم)');
    expect(spokenSessionInstructions(snapshot, 'ary', 'voice')).toContain('Address the person you are talking to in the polite plural (بغيتو، تقدرو، ديالكم، محتاجين)');
    expect(spokenSessionInstructions(snapshot, 'fr', 'phone')).not.toContain('polite plural');
  });
});
