import type { AccountMailTexts } from '.';

/** Moroccan Darija, in Arabic script. */
export const ary: AccountMailTexts = {
  locale: 'ar-MA',
  roles: { owner: 'مول الحساب', admin: 'مسؤول', member: 'عضو' },
  expires: (date) => `هاد الرابط كيخدم مرة وحدة بركة وكيسالي ف ${date}.`,
  footer: 'إلا ما كنتيش كتسنى هاد الميساج، تقدر تنساه.',
  invitation: {
    subject: (tenant) => `عرضو عليك تدخل ل ${tenant} ف VocalIA`,
    intro: (tenant, role) => `عرضو عليك تدخل ل ${tenant} ف VocalIA بصفة ${role}.`,
    accept: 'قبل الدعوة (دخل لحسابك، ولا ختار كلمة السر ديالك إلا ما عندكش حساب):',
  },
  verification: { subject: 'أكد الإيميل ديالك ف VocalIA', intro: 'أكد بلي هاد الإيميل ديالك:' },
  passwordReset: {
    subject: 'بدل كلمة السر ديال VocalIA',
    intro: 'شي واحد طلب يبدل كلمة السر ديال الحساب ديالك ف VocalIA. ختار كلمة سر جديدة من هنا:',
    signedOut: 'من بعد التبديل، كاع الجلسات ديال الحساب كيتسدو.',
  },
};
