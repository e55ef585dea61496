import type { Language } from '@vocalia/contracts';

export type ActivityKind = 'conversation' | 'booking' | 'lead';

/** Anonymous by construction: fixed sentences, no name, email, phone or free text from the visitor. */
export const ACTIVITY_TEXTS: Record<ActivityKind, Record<Language, string>> = {
  conversation: {
    en: 'A visitor started a conversation',
    fr: 'Un visiteur a démarré une conversation',
    es: 'Un visitante inició una conversación',
    ar: 'بدأ زائر محادثة',
    ary: 'واحد الزائر بدا محادثة',
  },
  booking: {
    en: 'A visitor booked an appointment',
    fr: 'Un visiteur a réservé un rendez-vous',
    es: 'Un visitante reservó una cita',
    ar: 'حجز زائر موعدًا',
    ary: 'واحد الزائر حجز موعد',
  },
  lead: {
    en: 'A visitor asked to be contacted',
    fr: 'Un visiteur a demandé à être recontacté',
    es: 'Un visitante pidió ser contactado',
    ar: 'طلب زائر أن يتم التواصل معه',
    ary: 'واحد الزائر طلب يتعيطو ليه',
  },
};
