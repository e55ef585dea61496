import type { OwnerMailTexts } from '.';

export const es: OwnerMailTexts = {
  locale: 'es',
  hello: 'Hola:',
  signature: 'El equipo de VocalIA',
  billing: {
    subject: (tenant) => `Facturación de VocalIA: ${tenant}`,
    reasons: {
      trial_ended: 'tu prueba gratuita ha terminado',
      credits_exhausted: 'se han agotado tus créditos de prueba',
      payment_failed: 'tu último pago ha fallado',
      subscription_canceled: 'tu suscripción ha terminado',
    },
    otherReason: 'ha cambiado la facturación de la cuenta',
    graceUntil: (date) => `hasta el ${date}`,
    graceUntilUnknown: 'hasta el final del período de gracia',
    trial: 'Tu prueba gratuita está en curso.',
    active: 'Tu suscripción está activa.',
    grace: (until, why) => `Tu asistente sigue funcionando ${until} porque ${why}. Elige un plan en el panel (Plan y consumo) para que siga activo.`,
    restricted: (why) => `Tu asistente está en pausa porque ${why}: los visitantes ven que no está disponible. Elige un plan en el panel (Plan y consumo) para reactivarlo al instante.`,
  },
  quota: {
    subject: (tenant, usage) => `Consumo de VocalIA: ${tenant} ha usado ${usage}`,
    used: (tenant, usage) => `${tenant} ha usado ${usage}.`,
    upgrade: 'Cambia de plan en el panel (Plan y consumo).',
    quotas: {
      conversationsPerMonth: {
        usage: (used, limit) => `${used} de las ${limit} conversaciones incluidas este mes`,
        warning: (percent) => `Has usado el ${percent} de tus conversaciones del mes.`,
        stop: 'Tu asistente indica ahora a los visitantes que no está disponible, hasta el próximo período o hasta que cambies de plan.',
        overage: 'Las conversaciones adicionales de este mes se facturan como excedente.',
      },
      voiceMinutesIncluded: {
        usage: (used, limit) => `${used} de los ${limit} minutos de voz en streaming incluidos este mes`,
        warning: (percent) => `Has usado el ${percent} de tus minutos de voz en streaming del mes.`,
        stop: 'Tu widget habla ahora con la voz del propio navegador, hasta el próximo período o hasta que cambies de plan.',
      },
      telephonyMinutesPerMonth: {
        usage: (used, limit) => `${used} de los ${limit} minutos de llamadas incluidos este mes`,
        warning: (percent) => `Has usado el ${percent} de tus minutos de llamadas del mes.`,
        stop: 'Las llamadas a tus números reciben ahora una breve disculpa y no se hace ninguna llamada saliente hasta el próximo período.',
      },
    },
  },
  endpointDisabled: {
    subject: (tenant) => `Webhooks de VocalIA: se ha desactivado un endpoint de ${tenant}`,
    reasons: { gone: 'respondió 410 Gone, que pide a los remitentes que dejen de enviar', failing: 'todas las entregas han fallado durante 5 días' },
    stopped: (url, why) => `El endpoint de webhook ${url} ya no recibe eventos porque ${why}.`,
    replay: 'Los eventos desde entonces se guardan como entregas fallidas: cuando el endpoint vuelva a responder, actívalo en el panel (Integraciones > Endpoints de webhook) y reenvíalos.',
  },
};
