import type { ValueLabels } from '../value-labels';

export const ar: ValueLabels = {
  leadStatus: { new: 'جديد', contacted: 'تم التواصل', qualified: 'مؤهل', won: 'صفقة ناجحة', lost: 'صفقة خاسرة' },
  conversationStatus: { open: 'مفتوحة', closed: 'مغلقة', handoff: 'محوّلة إلى شخص' },
  bookingStatus: { requested: 'مطلوب', confirmed: 'مؤكد', cancelled: 'ملغى', done: 'تم' },
  channel: { widget: 'دردشة الموقع', voice: 'الصوت على الموقع', phone: 'مكالمة هاتفية', api: 'واجهة API' },
  intent: {
    greeting: 'تحية',
    hours: 'مواعيد العمل',
    pricing: 'الأسعار',
    booking: 'حجز',
    order_status: 'حالة الطلب',
    handoff: 'يطلب التحدث إلى شخص',
    complaint: 'شكوى',
    goodbye: 'وداع',
    product_search: 'بحث عن منتج',
    question: 'سؤال آخر',
  },
  language: { fr: 'الفرنسية', en: 'الإنجليزية', es: 'الإسبانية', ar: 'العربية', ary: 'الدارجة المغربية' },
  role: { owner: 'المالك', admin: 'مشرف', member: 'عضو' },
  invitationStatus: { pending: 'قيد الانتظار', accepted: 'مقبولة', revoked: 'ملغاة', expired: 'منتهية الصلاحية' },
  messageRole: { user: 'العميل', assistant: 'الوكيل', system: 'النظام', tool: 'أداة' },
  callDirection: { inbound: 'واردة', outbound: 'صادرة' },
};
