import type { OwnerMailTexts } from '.';

export const ar: OwnerMailTexts = {
  locale: 'ar',
  hello: 'مرحبًا،',
  signature: 'فريق VocalIA',
  billing: {
    subject: (tenant) => `الفوترة في VocalIA: ${tenant}`,
    reasons: {
      trial_ended: 'انتهت فترتك التجريبية المجانية',
      credits_exhausted: 'نفد رصيدك التجريبي',
      payment_failed: 'فشلت آخر عملية دفع',
      subscription_canceled: 'انتهى اشتراكك',
    },
    otherReason: 'طرأ تغيير على الفوترة',
    graceUntil: (date) => `حتى ${date}`,
    graceUntilUnknown: 'حتى نهاية فترة السماح',
    trial: 'فترتك التجريبية المجانية جارية.',
    active: 'اشتراكك نشط.',
    grace: (until, why) => `يواصل مساعدك العمل ${until}، إذ ${why}. يُرجى اختيار باقة من لوحة التحكم (الباقة والاستهلاك) ليبقى في الخدمة.`,
    restricted: (why) => `مساعدك متوقف مؤقتًا، إذ ${why}، ويُبلَّغ الزوار بأنه غير متاح. يُعاد تشغيله فورًا باختيار باقة من لوحة التحكم (الباقة والاستهلاك).`,
  },
  quota: {
    subject: (tenant, usage) => `الاستهلاك في VocalIA: استهلك ${tenant} ${usage}`,
    used: (tenant, usage) => `استهلك ${tenant} ${usage}.`,
    upgrade: 'يمكنك الترقية من لوحة التحكم (الباقة والاستهلاك).',
    quotas: {
      conversationsPerMonth: {
        usage: (used, limit) => `${used} من أصل ${limit} من المحادثات المشمولة هذا الشهر`,
        warning: (percent) => `لقد استهلكت ${percent} من محادثاتك الشهرية.`,
        stop: 'صار مساعدك يُبلغ الزوار بأنه غير متاح حتى الفترة القادمة أو حتى ترقية باقتك.',
        overage: 'تُفوتَر المحادثات الإضافية هذا الشهر على أنها تجاوز.',
      },
      voiceMinutesIncluded: {
        usage: (used, limit) => `${used} من أصل ${limit} من دقائق الصوت المباشر المشمولة هذا الشهر`,
        warning: (percent) => `لقد استهلكت ${percent} من دقائق الصوت المباشر الشهرية.`,
        stop: 'صارت أداة الدردشة تتحدث بصوت المتصفح نفسه حتى الفترة القادمة أو حتى ترقية باقتك.',
      },
      telephonyMinutesPerMonth: {
        usage: (used, limit) => `${used} من أصل ${limit} من دقائق المكالمات المشمولة هذا الشهر`,
        warning: (percent) => `لقد استهلكت ${percent} من دقائق مكالماتك الشهرية.`,
        stop: 'صارت المكالمات الواردة إلى أرقامك تتلقى اعتذارًا قصيرًا، ولن تُجرى أي مكالمة صادرة حتى الفترة القادمة.',
      },
    },
  },
  endpointDisabled: {
    subject: (tenant) => `Webhooks في VocalIA: عُطّلت نقطة Webhook تابعة لـ ${tenant}`,
    reasons: { gone: 'أجابت بالرمز 410 Gone الذي يطلب من المرسلين التوقف', failing: 'فشلت كل عمليات التسليم إليها طوال خمسة أيام' },
    stopped: (url, why) => `لم تعد نقطة Webhook هذه تستقبل الأحداث: ${url}، إذ ${why}.`,
    replay: 'تُحفظ الأحداث منذ ذلك الحين كعمليات تسليم فاشلة: عندما تعود النقطة إلى الاستجابة، يُرجى تفعيلها من لوحة التحكم (التكاملات > نقاط Webhook) ثم إعادة إرسال تلك الأحداث.',
  },
};
