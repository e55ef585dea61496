import type { AccountMailTexts } from '.';

export const ar: AccountMailTexts = {
  locale: 'ar',
  roles: { owner: 'مالك', admin: 'مسؤول', member: 'عضو' },
  expires: (date) => `يعمل هذا الرابط مرة واحدة فقط وتنتهي صلاحيته في ${date}.`,
  footer: 'إذا لم تكن تتوقع هذه الرسالة، يمكنك تجاهلها.',
  invitation: {
    subject: (tenant) => `أنت مدعو للانضمام إلى ${tenant} على VocalIA`,
    intro: (tenant, role) => `أنت مدعو للانضمام إلى ${tenant} على VocalIA بصفة ${role}.`,
    accept: 'اقبل الدعوة (سجّل الدخول، أو اختر كلمة مرورك إن لم يكن لديك حساب بعد):',
  },
  verification: { subject: 'أكّد عنوان بريدك الإلكتروني على VocalIA', intro: 'أكّد أن هذا العنوان يخصك:' },
  passwordReset: {
    subject: 'إعادة تعيين كلمة مرور VocalIA',
    intro: 'طلب أحدهم إعادة تعيين كلمة مرور حسابك على VocalIA. اختر كلمة مرور جديدة من هنا:',
    signedOut: 'بعد إعادة التعيين، يتم تسجيل الخروج من جميع جلسات الحساب.',
  },
};
