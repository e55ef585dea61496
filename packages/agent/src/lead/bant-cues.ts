import { phraseRegex } from '../lexicon/phrase-regex';

/** An amount with a currency, either side: "5 000 €", "$300", "2000 dh", "١٠٠٠ درهم". */
export const AMOUNT = /(?:\d[\d\s.,]*\s?(?:k|m)?\s?(?:€|eur|euros?|\$|usd|dollars?|mad|dhs?|dirhams?|درهم|دراهم|دولار|يورو|اورو|ريال)(?![\p{L}]))|(?:(?:€|\$|usd|eur|mad)\s?\d)/u;
export const BUDGET_NUMBER = /(?:budget|presupuesto|ميزانيه|بودجي|mizaniya)\D{0,25}\d/u;
export const BUDGET_WORD = phraseRegex('budget|presupuesto|ميزانية|بودجي|mizaniya|combien je peux mettre|how much i can spend');
export const FINANCING = phraseRegex('financement|crédit|en plusieurs fois|financing|instalments|installments|financiación|a plazos|تقسيط|كريدي|credit');

export const AUTHORITY_ROLE = phraseRegex(
  [
    'je suis le gérant|je suis la gérante|je suis le directeur|je suis la directrice|je suis le propriétaire|je suis la propriétaire|je suis le patron|je suis la patronne|je suis le responsable|je suis la responsable|je suis le fondateur|je suis la fondatrice|je suis le dirigeant|je suis propriétaire|je suis gérant|je suis gérante|je suis directeur|je suis directrice|je suis patron|je suis responsable',
    "i am the owner|i'm the owner|i am the manager|i'm the manager|i am the director|i'm the director|i am the ceo|i'm the ceo|i am the founder|i'm the founder|i own|i run the|i am the head|i'm the head",
    'soy el dueño|soy la dueña|soy el gerente|soy la gerente|soy el director|soy la directora|soy el propietario|soy la propietaria|soy el jefe|soy la jefa|soy dueño|soy dueña|soy propietario|soy propietaria|soy gerente',
    'أنا المدير|أنا مدير|أنا صاحب|أنا المسؤول|أنا مسؤول|أنا مالك',
    'ana mol|ana lmoudir|ana moudir|ana lmodir|ana l patron|ana mulat|أنا مول|انا مول|انا المدير',
  ].join('|'),
);
export const AUTHORITY_DECIDES = phraseRegex("c est moi qui décide|je décide|i decide|i make the decision|i'm the decision maker|yo decido|decido yo|أنا من يقرر|أنا لي كنقرر|ana li kan9arar");
export const AUTHORITY_ORG = phraseRegex(
  'notre entreprise|mon entreprise|ma société|notre société|mon cabinet|ma boutique|my company|our company|my business|our business|my shop|nuestra empresa|mi empresa|mi negocio|شركتي|شركتنا|الشركة ديالي|charika dyali|charika dyalna',
);

export const NEED_STATEMENT = phraseRegex(
  [
    "j ai besoin|besoin d|je cherche|je voudrais|je veux|il me faut|nous avons besoin|on a besoin",
    "i need|we need|i'm looking for|i am looking for|we are looking for|i would like|i'd like|i want|we want",
    'necesito|necesitamos|busco|buscamos|quisiera|me gustaría|quiero|queremos',
    'أحتاج|نحتاج|محتاج|أريد|نريد|أبحث عن|بغيت|بغينا|خاصني|خصني|كنقلب على',
    'khasni|kh9ni|bghit|bghina|kan9leb',
  ].join('|'),
);
export const NEED_PROBLEM = phraseRegex(
  'problème|souci|douleur|mal aux|mal à|fuite|panne|cassé|problem|issue|pain|hurts|leak|broken|problema|dolor|me duele|fuga|averiado|roto|مشكلة|مشكل|ألم|كيضرني|كيوجعني|تسريب|خاسر|mochkil|kaydarni',
);

export const TIMELINE_NOW = phraseRegex(
  "aujourd hui|ce soir|maintenant|tout de suite|urgent|urgence|au plus vite|dès que possible|asap|today|tonight|right now|immediately|urgently|as soon as possible|hoy|ahora|urgente|cuanto antes|esta noche|اليوم|الآن|حالا|عاجل|مستعجل|ضروري|دابا|daba|lyoum|lyouma|dghya|druri|daruri",
);
export const TIMELINE_TOMORROW = phraseRegex('demain|après demain|tomorrow|pasado mañana|غدا|غدوة|بعد غدوة|ghda|ghedda|ghedwa');
export const TIMELINE_SPANISH_TOMORROW = /(?<!(?:la|esta|por)\s)(?<![\p{L}])manana(?![\p{L}])/u;
export const TIMELINE_WEEK = phraseRegex(
  'cette semaine|ce week end|lundi|mardi|mercredi|jeudi|vendredi|samedi|this week|this weekend|monday|tuesday|wednesday|thursday|friday|saturday|esta semana|este fin de semana|lunes|martes|miércoles|jueves|viernes|sábado|هذا الأسبوع|هاد السيمانة|هاد الأسبوع|had simana',
);
export const TIMELINE_LATER = phraseRegex(
  'semaine prochaine|mois prochain|next week|next month|semana que viene|próxima semana|mes que viene|próximo mes|الأسبوع القادم|الشهر القادم|السيمانة الجاية|الشهر الجاي|simana jaya|chhar jay',
);
export const EXPLICIT_DATE = /(?<!\d)(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{4}-\d{2}-\d{2})(?!\d)/u;
