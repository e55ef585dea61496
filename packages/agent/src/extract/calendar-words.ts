import { foldText, wordTokens } from '../text/fold';

const table = (rows: string[]): Map<string, number> => {
  const map = new Map<string, number>();
  rows.forEach((row, index) => {
    for (const w of wordTokens(foldText(row))) map.set(w, index);
  });
  return map;
};

/** Folded weekday names in the five languages (Arabizi included) -> 0 (Sunday) .. 6 (Saturday). */
export const WEEKDAYS = table([
  'dimanche sunday domingo الأحد أحد الحد l7ad lhad',
  'lundi monday lunes الاثنين اثنين التنين tnin letnin',
  'mardi tuesday martes الثلاثاء ثلاثاء الثلاث tlat tlata',
  'mercredi wednesday miércoles الأربعاء أربعاء لاربع larb3 larbe3',
  'jeudi thursday jueves الخميس خميس lkhmis khmis',
  'vendredi friday viernes الجمعة جمعة jem3a ljem3a',
  'samedi saturday sábado السبت سبت sebt ssebt',
]);

/** Folded month names (French, English, Spanish, Arabic of the Maghreb and of the Mashriq) -> 1..12. */
export const MONTHS = new Map<string, number>(
  [
    'janvier january enero يناير جانفي',
    'février february febrero فبراير فيفري',
    'mars march marzo مارس',
    'avril april abril أبريل ابريل',
    'mai may mayo ماي مايو',
    'juin june junio يونيو يونيه',
    'juillet july julio يوليوز يوليو',
    'août august agosto غشت أغسطس',
    'septembre september sept septiembre setiembre شتنبر سبتمبر',
    'octobre october octubre أكتوبر',
    'novembre november noviembre نونبر نوفمبر',
    'décembre december diciembre دجنبر ديسمبر',
  ].flatMap((row, i) => wordTokens(foldText(row)).map((w) => [w, i + 1] as [string, number])),
);

/** Words that mean a day relative to today, folded -> offset in days. */
export const RELATIVE_DAYS = new Map<string, number>([
  ...wordTokens(foldText("aujourd'hui today hoy اليوم lyoum lyouma")).filter((w) => w !== 'aujourd').map((w) => [w, 0] as [string, number]),
  ...wordTokens(foldText('demain tomorrow غدا غدوة ghda ghedda ghedwa')).map((w) => [w, 1] as [string, number]),
]);
