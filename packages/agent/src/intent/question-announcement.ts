import type { Language } from '@vocalia/contracts';
import { termOf } from '../text/analyze';
import { wordSet as words } from '../text/fold';

/** "Question" and "ask" in each language (Darija in Arabic script and Arabizi). */
const ASKING = words(`question questions poser demander ask asking pregunta preguntas preguntar consulta
  سؤال السؤال سؤالا أسأل اسأل أسألك اسألك نسولك نسول نسقسيك نسقسي سوال so2al swal nsowlek nswlek`);

/** What goes with it in "j'ai une petite question", "may I ask you something quick?", "بغيت نسولك". */
const AROUND = words(`petite petit rapide quelque chose puis pourrais voudrais
  quick small little something want
  pequeña rápida hacer hacerle algo
  لدي عندي واحد صغير بسيط أريد أود بغيت bghit 3andi 3ndi wa7ed wahed`);

/**
 * The visitor announces a question and has not asked it yet: no word beyond asking, small words and
 * a greeting ("Bonjour, j'ai une question", "Salam, 3andi wa7ed so2al"); `greeting` holds the greeting's token positions.
 */
export function announcesQuestion(tokens: readonly string[], language: Language, greeting: readonly number[] = []): boolean {
  return tokens.some((t) => ASKING.has(t)) && tokens.every((t, i) => ASKING.has(t) || AROUND.has(t) || greeting.includes(i) || !termOf(t, language));
}
