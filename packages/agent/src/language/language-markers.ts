import { wordSet as set } from '../text/fold';

/** Words that point to one language only (shared words like "de", "la", "no", "en" are left out on purpose). */
export const LATIN_MARKERS = {
  fr: set(`je j vous nous est et les des du au aux avec dans sur pas votre vos mon ma mes quel quelle quels quelles bonjour
    bonsoir salut merci oui combien rendez horaires prix ai avez etes êtes suis sommes aujourd hui demain ce cette très bien
    plaît voudrais veux peux pouvez qu il elle où faire besoin cherche semaine prochain matin soir merci beaucoup heures
    tarifs combien ouvert fermé pourquoi comment quand parce chez leur lundi mardi mercredi jeudi vendredi samedi dimanche nom prénom peut peuvent`),
  en: set(`the and is are i you we for with on what which your my hello hi hey thanks thank yes how much when where do does
    can could would like book appointment hours price prices open today tomorrow please have want need it this that of to
    at be there many week next morning evening my name am looking who why because monday tuesday wednesday thursday friday saturday sunday`),
  es: set(`el los las del y usted ustedes para con por cual su hola gracias cuanto cuánto cuando dónde donde tiene tienen
    quiero puedo hoy mañana manana cita precio precios horario horarios buenos buenas una esta está están hay muy tengo
    necesito gustaría gustaria favor pero cómo sus mi semana próxima proxima tarde noche llamo nombre soy qué lunes martes miércoles jueves viernes sábado domingo`),
  ary: set(`salam slm bghit bghina bgha chhal ch7al wach wash 3afak afak kifach kifash daba mzyan mezyan dyal dial bzaf
    bezzaf chno chnou achno wakha labas hamdoulah hamdullah lah inchallah khoya khouya smiti ghadi kayn kayna makaynch
    mkaynch 3ndkom 3andkom 3ndek dyalkom dialkom dyalek dyali jay kathlo kathalo ndkhol mmkn tomobil m3a rani rah wa7ed chi chwiya shukran chokran baraka lyoum lyouma ghda ghedda sba7 msa lkhir
    imta fo9ach fou9ach waqtach wa9tach 3lach 3lash hna temma bach bash hadchi nakhod nchri ndir mabghitch ma3ndich walo safi
    nhder nhdar 3ayet bslama beslama`),
};

/** Accented letters that only one of French or Spanish uses. */
export const FR_LETTERS = /[àâèêëîïôùûüçœ]/gi;
export const ES_LETTERS = /[ñáíóú¿¡]/gi;

/** Letters written with digits are Arabizi (3 = ع, 7 = ح, 9 = ق, 5 = خ, 2 = ء): "m3a", "sba7", "3afak". */
export const ARABIZI_TOKEN = /^(?:[a-z]*[a-z][23579][a-z0-9]*|[23579][a-z]{2,}[a-z0-9]*)$/;
/** ...but not ordinals, times or units ("2nd", "3pm", "5km"). */
export const NOT_ARABIZI = /^\d+(?:st|nd|rd|th|er|e|eme|am|pm|h|mn|min|km|kg|cm|mm|ml|eur|mad|dh|dhs|k)\d*$/;

/** Moroccan Darija markers in Arabic script (folded: ة -> ه). */
export const DARIJA_MARKERS = set(`واش بغيت بغينا بغا بغيتي كنبغي شحال بشحال كيفاش دابا مزيان ديال ديالي ديالك ديالكم ديالنا
  بزاف شنو شنوا اشنو فين علاش ماشي غادي غانمشي كاين كاينه ماكاينش راه راني عافاك واخا نتا نتي هادشي هادي هاد ديما شي
  خاصني خاص نقدر تقدر فوقاش وقتاش بحال كيفما شكون منين زعما صافي ليا ليك سميتي خويا لالة غدوة البارح
  مكاينش ماعنديش بلاصه كتحلو حالين نهضر نتكلمو عيط عيطو بسلامه لاباس بيك`);

/** Modern Standard Arabic markers that Darija rarely uses. */
export const MSA_MARKERS = set(`هل ماذا لماذا كيف أريد اريد نريد تريد متى الذي التي الذين هذا هذه ذلك لديكم لدي لديك يمكن
  يمكنني يمكنك أستطيع نعم أين اين كم أود ليس إلى الى عن أيضا سوف قد لقد حضرتكم أرجو فضلك الآن غدا اليوم ما هو ساعات
  العمل الأسعار سعر موعدا حجز أرغب`);
