import type { ValueLabels } from '../value-labels';

/** Moroccan Darija (Arabic script), as ../ary.ts writes the interface. */
export const ary: ValueLabels = {
  leadStatus: { new: 'جديد', contacted: 'تواصلنا معاه', qualified: 'مؤهل', won: 'ربحناه', lost: 'مشا علينا' },
  conversationStatus: { open: 'مفتوحة', closed: 'مسدودة', handoff: 'تحولات لشي واحد' },
  bookingStatus: { requested: 'مطلوب', confirmed: 'متأكد', cancelled: 'ملغي', done: 'تدار' },
  channel: { widget: 'الشات فالسيت', voice: 'الصوت فالسيت', phone: 'مكالمة فالتيليفون', api: 'واجهة API' },
  intent: {
    greeting: 'سلام',
    hours: 'أوقات الخدمة',
    pricing: 'الأثمنة',
    booking: 'حجز',
    order_status: 'فين وصلات الكوموند',
    handoff: 'بغا يهضر مع شي واحد',
    complaint: 'شكاية',
    goodbye: 'بسلامة',
    product_search: 'كيقلب على شي منتوج',
    question: 'سؤال آخر',
  },
  language: { fr: 'الفرنسية', en: 'النجليزية', es: 'السبليونية', ar: 'العربية', ary: 'الدارجة' },
  role: { owner: 'مول الحساب', admin: 'أدمين', member: 'عضو' },
  invitationStatus: { pending: 'كتسنى', accepted: 'تقبلات', revoked: 'تلغات', expired: 'سالات' },
  messageRole: { user: 'الكليان', assistant: 'الوكيل', system: 'السيستيم', tool: 'أداة' },
  callDirection: { inbound: 'داخلة', outbound: 'خارجة' },
};
