import type { OwnerMailTexts } from '.';

/** Moroccan Darija, in Arabic script. */
export const ary: OwnerMailTexts = {
  locale: 'ar-MA',
  hello: 'السلام،',
  signature: 'فريق VocalIA',
  billing: {
    subject: (tenant) => `الخلاص ف VocalIA: ${tenant}`,
    reasons: {
      trial_ended: 'سالات الفترة التجريبية المجانية ديالكم',
      credits_exhausted: 'تسالاو الكريديات التجريبية ديالكم',
      payment_failed: 'آخر خلاص ديالكم ما دازش',
      subscription_canceled: 'سالا الاشتراك ديالكم',
    },
    otherReason: 'تبدلات شي حاجة ف الخلاص',
    graceUntil: (date) => `حتى ل ${date}`,
    graceUntilUnknown: 'حتى تسالي فترة السماح',
    trial: 'الفترة التجريبية المجانية ديالكم خدامة.',
    active: 'الاشتراك ديالكم خدام.',
    grace: (until, why) => `المساعد ديالكم غادي يبقى خدام ${until} حيت ${why}. ختارو باقة من لوحة التحكم (الباقة والاستهلاك) باش يبقى خدام.`,
    restricted: (why) => `المساعد ديالكم واقف دابا حيت ${why}، والزوار كيتقال ليهم بلي ماشي متوفر. ختارو باقة من لوحة التحكم (الباقة والاستهلاك) باش يرجع يخدم دغيا.`,
  },
  quota: {
    subject: (tenant, usage) => `الاستهلاك ف VocalIA: ${tenant} ستهلك ${usage}`,
    used: (tenant, usage) => `${tenant} ستهلك ${usage}.`,
    upgrade: 'تقدرو تطلعو لباقة كبر من لوحة التحكم (الباقة والاستهلاك).',
    quotas: {
      conversationsPerMonth: {
        usage: (used, limit) => `${used} من ${limit} ديال المحادثات اللي داخلين ف هاد الشهر`,
        warning: (percent) => `ستهلكتو ${percent} من المحادثات ديال هاد الشهر.`,
        stop: 'المساعد ديالكم ولا كيقول للزوار بلي ماشي متوفر حتى للفترة الجاية ولا حتى تطلعو لباقة كبر.',
        overage: 'المحادثات الزايدين ف هاد الشهر كيتحسبو كتجاوز.',
      },
      voiceMinutesIncluded: {
        usage: (used, limit) => `${used} من ${limit} ديال دقايق الصوت المباشر اللي داخلين ف هاد الشهر`,
        warning: (percent) => `ستهلكتو ${percent} من دقايق الصوت المباشر ديال هاد الشهر.`,
        stop: 'الويدجيت ديالكم ولا كيهضر بالصوت ديال المتصفح حتى للفترة الجاية ولا حتى تطلعو لباقة كبر.',
      },
      telephonyMinutesPerMonth: {
        usage: (used, limit) => `${used} من ${limit} ديال دقايق التيليفون اللي داخلين ف هاد الشهر`,
        warning: (percent) => `ستهلكتو ${percent} من دقايق التيليفون ديال هاد الشهر.`,
        stop: 'المكالمات اللي كتجي للنمرات ديالكم ولات كتسمع اعتذار قصير، وحتى مكالمة ما غادي تخرج حتى للفترة الجاية.',
      },
    },
  },
  endpointDisabled: {
    subject: (tenant) => `Webhooks ف VocalIA: تطفات وحدة من نقط Webhook ديال ${tenant}`,
    reasons: { gone: 'جاوبات ب 410 Gone، يعني طالبة من اللي كيصيفطو يحبسو', failing: 'كاع الإرساليات ليها فشلات خمسة أيام متابعين' },
    stopped: (url, why) => `هاد نقطة Webhook ما بقاتش كتوصلها الأحداث: ${url}، حيت ${why}.`,
    replay: 'الأحداث اللي جات من داك الوقت محفوظين كإرساليات فاشلة: ملي ترجع النقطة تجاوب، شعلوها من لوحة التحكم (التكاملات > نقاط Webhook) وعاودو صيفطوهم.',
  },
};
