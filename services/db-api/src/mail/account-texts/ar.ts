import type { AccountMailTexts } from '.';

export const ar: AccountMailTexts = {
  locale: 'ar',
  roles: { owner: 'مالك', admin: 'مسؤول', member: 'عضو' },
  expires: (date) => `يعمل هذا الرابط مرة واحدة فقط وتنتهي صلاحيته في ${date}.`,
  footer: 'إذا لم تكن هذه الرسالة متوقعة، فيمكن تجاهلها.',
  invitation: {
    subject: (tenant) => `دعوة للانضمام إلى ${tenant} على VocalIA`,
    intro: (tenant, role) => `وصلتك دعوة للانضمام إلى ${tenant} على VocalIA بصفة ${role}.`,
    accept: 'لقبول الدعوة (بتسجيل الدخول، أو باختيار كلمة مرورك إن لم يكن لديك حساب بعد):',
  },
  verification: { subject: 'تأكيد عنوان بريدك الإلكتروني على VocalIA', intro: 'يُرجى تأكيد أن هذا العنوان يخصك:' },
  passwordReset: {
    subject: 'إعادة تعيين كلمة مرور VocalIA',
    intro: 'طلب أحدهم إعادة تعيين كلمة مرور حسابك على VocalIA. يُرجى اختيار كلمة مرور جديدة من هنا:',
    signedOut: 'بعد إعادة التعيين، يتم تسجيل الخروج من جميع جلسات الحساب.',
  },
};
