import type { Mail } from './mailer';

const FOOTER = 'If you did not expect this message, you can ignore it.';

/** The same text whether or not the address already has an account: the link's page handles both. */
export function invitationMail(to: string, input: { tenantName: string; role: string; link: string; expiresAt: Date }): Mail {
  return {
    to,
    subject: `You are invited to join ${input.tenantName} on VocalIA`,
    text: [
      `You are invited to join ${input.tenantName} on VocalIA as ${input.role}.`,
      `Accept the invitation (sign in, or choose your password if you have no account yet):`,
      input.link,
      `This link works once and expires on ${input.expiresAt.toISOString()}.`,
      FOOTER,
    ].join('\n\n'),
  };
}

export function verificationMail(to: string, input: { link: string; expiresAt: Date }): Mail {
  return {
    to,
    subject: 'Confirm your email address for VocalIA',
    text: ['Confirm that this address is yours:', input.link, `This link works once and expires on ${input.expiresAt.toISOString()}.`, FOOTER].join('\n\n'),
  };
}

export function passwordResetMail(to: string, input: { link: string; expiresAt: Date }): Mail {
  return {
    to,
    subject: 'Reset your VocalIA password',
    text: [
      'Someone asked to reset the password of your VocalIA account. Choose a new password here:',
      input.link,
      `This link works once and expires on ${input.expiresAt.toISOString()}. Every session of the account is signed out after the reset.`,
      FOOTER,
    ].join('\n\n'),
  };
}
