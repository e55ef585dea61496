import type { AccountMailTexts } from '.';

export const fr: AccountMailTexts = {
  locale: 'fr',
  roles: { owner: 'propriétaire', admin: 'administrateur', member: 'membre' },
  expires: (date) => `Ce lien ne fonctionne qu’une fois et expire le ${date}.`,
  footer: 'Si vous n’attendiez pas ce message, vous pouvez l’ignorer.',
  invitation: {
    subject: (tenant) => `Invitation à rejoindre ${tenant} sur VocalIA`,
    intro: (tenant, role) => `On vous invite à rejoindre ${tenant} sur VocalIA avec le rôle « ${role} ».`,
    accept: 'Acceptez l’invitation (connectez-vous, ou choisissez votre mot de passe si vous n’avez pas encore de compte) :',
  },
  verification: { subject: 'Confirmez votre adresse e-mail pour VocalIA', intro: 'Confirmez que cette adresse est bien la vôtre :' },
  passwordReset: {
    subject: 'Réinitialisez votre mot de passe VocalIA',
    intro: 'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte VocalIA. Choisissez un nouveau mot de passe ici :',
    signedOut: 'Après la réinitialisation, toutes les sessions du compte sont déconnectées.',
  },
};
