import { wordSet as words } from '../text/fold';

/** Verbs of speaking a language, as a visitor asks it in each language (Darija in Arabic script and Arabizi). */
const SPEAK = words(`parlez parles parle parler speak speaks habla hablan hablas hablar
  تتكلم تتكلمون تتحدث تتحدثون كتهضر كتهضرو كتهدر كتهدرو تهضر katdwi kathdar kathder kathdr`);

/** Language names and the word "language" itself. */
const LANGUAGE_WORDS = words(`francais french frances anglais english ingles espagnol spanish espanol arabe arabic darija dariya
  allemand german aleman italien italian italiano portugais portuguese portugues amazigh tamazight berbere berber
  langue langues language languages idioma idiomas
  الفرنسية بالفرنسية الفرنساوية بالفرنساوية الانجليزية بالانجليزية الإنجليزية بالإنجليزية الاسبانية بالاسبانية الإسبانية بالإسبانية
  العربية بالعربية الدارجة بالدارجة لغة لغات اللغات`);

/** "Parlez-vous anglais ?", "Do you speak Arabic?", "¿Hablan español?", "واش كتهضر بالدارجة؟": a question about the languages the agent speaks. */
export function asksSpokenLanguages(tokens: readonly string[]): boolean {
  return tokens.some((t) => SPEAK.has(t)) && tokens.some((t) => LANGUAGE_WORDS.has(t));
}
