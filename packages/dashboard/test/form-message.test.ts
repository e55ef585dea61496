import { formMessage } from '../src/ui/form-message';

describe("a form's error line", () => {
  const checkFields = 'Vérifiez les champs signalés ci-dessus.';

  it('when a field the form shows carries the problem, then the line says nothing more (the field says it)', () => {
    expect(formMessage({ message: checkFields, fields: { country: 'Ce champ est obligatoire.' } }, ['country', 'contains'])).toBeUndefined();
  });

  it('when the problem is on a field the form does not show (the answering agent of a number), then the line says that problem, not "check the fields marked above"', () => {
    expect(formMessage({ message: checkFields, fields: { agentId: "Ce n'est pas une valeur possible." } }, ['country', 'contains'])).toBe("Ce n'est pas une valeur possible.");
  });

  it('when no field is named, then the line says the server\'s words', () => {
    expect(formMessage({ message: 'Telephony not configured', fields: {} }, ['country'])).toBe('Telephony not configured');
  });
});
