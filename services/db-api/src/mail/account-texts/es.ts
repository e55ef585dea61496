import type { AccountMailTexts } from '.';

export const es: AccountMailTexts = {
  locale: 'es',
  roles: { owner: 'propietario', admin: 'administrador', member: 'miembro' },
  expires: (date) => `Este enlace solo funciona una vez y caduca el ${date}.`,
  footer: 'Si no esperabas este mensaje, puedes ignorarlo.',
  invitation: {
    subject: (tenant) => `Te han invitado a unirte a ${tenant} en VocalIA`,
    intro: (tenant, role) => `Te han invitado a unirte a ${tenant} en VocalIA como ${role}.`,
    accept: 'Acepta la invitación (inicia sesión, o elige tu contraseña si todavía no tienes cuenta):',
  },
  verification: { subject: 'Confirma tu dirección de correo para VocalIA', intro: 'Confirma que esta dirección es tuya:' },
  passwordReset: {
    subject: 'Restablece tu contraseña de VocalIA',
    intro: 'Alguien ha pedido restablecer la contraseña de tu cuenta de VocalIA. Elige una nueva contraseña aquí:',
    signedOut: 'Tras el cambio, se cierran todas las sesiones de la cuenta.',
  },
};
