/**
 * Answer quality of the local engine on a labelled set (3 businesses, 5 languages, plus two held
 * out): hit rate on
 * answerable paraphrases, false answers, honest refusals, for the paraphrase-aware retrieval beside
 * the lexical-only ranking, in the same run. Prints a table, writes bench/results/answer-quality.{json,md}.
 * Run: `pnpm bench:quality` (BENCH_RETRIEVAL=lexical or paraphrase to run one mode; BENCH_VERBOSE=1 lists each miss).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RetrievalMode } from '@vocalia/agent';
import { LANGUAGES } from '@vocalia/contracts';
import { DENTAL_CLINIC } from './quality/dental-clinic';
import { GARAGE } from './quality/garage';
import { HELD_OUT_PLUMBER } from './quality/held-out-plumber';
import { HELD_OUT_SALON } from './quality/held-out-salon';
import { RESTAURANT } from './quality/restaurant';
import { figuresByLanguage, scoreAnswers, type LanguageFigures, type ScoredQuestion } from './quality/score-answers';

const BUSINESSES = [DENTAL_CLINIC, GARAGE, RESTAURANT];
const HELD_OUT = [HELD_OUT_SALON, HELD_OUT_PLUMBER];
const MODES: RetrievalMode[] = process.env.BENCH_RETRIEVAL ? [process.env.BENCH_RETRIEVAL as RetrievalMode] : ['lexical', 'paraphrase'];
const out = (line = '') => process.stdout.write(`${line}\n`);
const pct = (n: number, d: number) => (d === 0 ? '   -' : `${((100 * n) / d).toFixed(0).padStart(3)}%`);

function rows(mode: RetrievalMode, figures: Record<string, LanguageFigures>): string[] {
  return [...LANGUAGES, 'all'].map((l) => {
    const f = figures[l]!;
    return `| ${mode.padEnd(10)} | ${l.padEnd(4)} | ${`${f.hits}/${f.answerable}`.padStart(6)} ${pct(f.hits, f.answerable)} | ${String(f.falseAnswers).padStart(5)} | ${`${f.refused}/${f.unanswerable}`.padStart(6)} ${pct(f.refused, f.unanswerable)} |`;
  });
}

async function main(): Promise<void> {
  const results: Record<string, { figures: Record<string, LanguageFigures>; questions: ScoredQuestion[] }> = {};
  const header = ['| retrieval  | lang |   right fact | false | refused honestly |', '|---|---|---|---|---|'];
  const table = [...header];
  const heldOut = [...header];
  for (const mode of MODES) {
    const questions = await scoreAnswers(BUSINESSES, mode);
    const figures = figuresByLanguage(questions);
    const unseen = await scoreAnswers(HELD_OUT, mode);
    results[mode] = { figures, questions };
    results[`${mode} held out`] = { figures: figuresByLanguage(unseen), questions: unseen };
    table.push(...rows(mode, figures));
    heldOut.push(...rows(mode, figuresByLanguage(unseen)));
  }
  const total = BUSINESSES.reduce((n, b) => n + b.questions.length, 0);
  out(`Answer quality, local engine: ${BUSINESSES.length} businesses, ${total} questions (${LANGUAGES.join('/')}); targets: right fact >= 90%, 0 false, refused >= 95%`);
  for (const line of table) out(line);
  out();
  const heldOutCount = HELD_OUT.reduce((n, b) => n + b.questions.length, 0);
  out(`Held out (not used to tune the lexicon): ${HELD_OUT.map((b) => b.name).join(', ')}, ${heldOutCount} questions`);
  for (const line of heldOut) out(line);
  if (process.env.BENCH_VERBOSE) {
    for (const [mode, r] of Object.entries(results)) {
      for (const q of r.questions.filter((x) => x.outcome === 'missed' || x.outcome === 'false')) out(`${mode} ${q.outcome} [${q.business} ${q.language}] ${q.text} -> ${q.answer}`);
    }
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'answer-quality.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'answer-quality.md'), `Tuned set (${total} questions)\n\n${table.join('\n')}\n\nHeld out (${heldOutCount} questions)\n\n${heldOut.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
