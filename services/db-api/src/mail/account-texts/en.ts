import type { AccountMailTexts } from '.';

export const en: AccountMailTexts = {
  locale: 'en',
  roles: { owner: 'owner', admin: 'admin', member: 'member' },
  expires: (date) => `This link works once and expires on ${date}.`,
  footer: 'If you did not expect this message, you can ignore it.',
  invitation: {
    subject: (tenant) => `You are invited to join ${tenant} on VocalIA`,
    intro: (tenant, role) => `You are invited to join ${tenant} on VocalIA as ${role}.`,
    accept: 'Accept the invitation (sign in, or choose your password if you have no account yet):',
  },
  verification: { subject: 'Confirm your email address for VocalIA', intro: 'Confirm that this address is yours:' },
  passwordReset: {
    subject: 'Reset your VocalIA password',
    intro: 'Someone asked to reset the password of your VocalIA account. Choose a new password here:',
    signedOut: 'Every session of the account is signed out after the reset.',
  },
};
