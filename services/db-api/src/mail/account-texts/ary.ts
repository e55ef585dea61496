import type { AccountMailTexts } from '.';

/** Moroccan Darija, in Arabic script. */
export const ary: AccountMailTexts = {
  locale: 'ar-MA',
  roles: { owner: 'مول الحساب', admin: 'مسؤول', member: 'عضو' },
  expires: (date) => `هاد الرابط كيخدم مرة وحدة بركة وكيسالي ف ${date}.`,
  footer: 'إلا ما كنتوش كتسناو هاد الميساج، تقدرو تنساوه.',
  invitation: {
    subject: (tenant) => `عرضو عليكم تدخلو ل ${tenant} ف VocalIA`,
    intro: (tenant, role) => `عرضو عليكم تدخلو ل ${tenant} ف VocalIA بصفة ${role}.`,
    accept: 'قبلو الدعوة (دخلو لحسابكم، ولا ختارو كلمة السر ديالكم إلا ما عندكمش حساب):',
  },
  verification: { subject: 'أكدو الإيميل ديالكم ف VocalIA', intro: 'أكدو بلي هاد الإيميل ديالكم:' },
  passwordReset: {
    subject: 'بدلو كلمة السر ديال VocalIA',
    intro: 'شي واحد طلب يبدل كلمة السر ديال الحساب ديالكم ف VocalIA. ختارو كلمة سر جديدة من هنا:',
    signedOut: 'من بعد التبديل، كاع الجلسات ديال الحساب كيتسدو.',
  },
};
