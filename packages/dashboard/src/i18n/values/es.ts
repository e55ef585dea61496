import type { ValueLabels } from '../value-labels';

export const es: ValueLabels = {
  leadStatus: { new: 'Nuevo', contacted: 'Contactado', qualified: 'Cualificado', won: 'Ganado', lost: 'Perdido' },
  conversationStatus: { open: 'Abierta', closed: 'Cerrada', handoff: 'Derivada a una persona' },
  bookingStatus: { requested: 'Solicitada', confirmed: 'Confirmada', cancelled: 'Cancelada', done: 'Realizada' },
  channel: { widget: 'Chat del sitio', voice: 'Voz en el sitio', phone: 'Llamada telefónica', api: 'API' },
  intent: {
    greeting: 'Saludo',
    hours: 'Horario',
    pricing: 'Precios',
    booking: 'Reserva',
    order_status: 'Estado del pedido',
    handoff: 'Pide hablar con una persona',
    complaint: 'Queja',
    goodbye: 'Despedida',
    product_search: 'Búsqueda de producto',
    question: 'Otra pregunta',
  },
  language: { fr: 'Francés', en: 'Inglés', es: 'Español', ar: 'Árabe', ary: 'Dariya (árabe marroquí)' },
  role: { owner: 'Propietario', admin: 'Administrador', member: 'Miembro' },
  invitationStatus: { pending: 'Pendiente', accepted: 'Aceptada', revoked: 'Revocada', expired: 'Caducada' },
  messageRole: { user: 'Cliente', assistant: 'Agente', system: 'Sistema', tool: 'Herramienta' },
  callDirection: { inbound: 'Entrante', outbound: 'Saliente' },
};
