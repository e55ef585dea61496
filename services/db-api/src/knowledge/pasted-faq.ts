/** The labels of a pasted FAQ: "Q:", "Question :", "P:", "س:" before a question; "A:", "R :", "Réponse :", "ج:" before its answer. */
const QUESTION_LABEL = /^(?:\*\*)?(?:q|question|p|pregunta|س|سؤال)\s*[:：](?:\*\*)?\s*/iu;
const ANSWER_LABEL = /^(?:\*\*)?(?:a|answer|r|réponse|rep|respuesta|resp|ج|جواب)\s*[:：](?:\*\*)?\s*/iu;

const asks = (line: string) => /[?؟]$/.test(line);

/**
 * A paragraph that is an FAQ pair as a business pastes it: a first line that asks (ends with ? or ؟,
 * labelled or not), then its answer. Returned as db-api stores an FAQ pair ("question\nanswer"), the
 * labels dropped, so the agent finds the pair by its question and quotes the answer alone.
 */
export function faqPairOf(paragraph: string): string | undefined {
  const [first = '', ...rest] = paragraph.split('\n');
  const question = first.trim().replace(QUESTION_LABEL, '');
  const answer = rest
    .map((line) => line.trim().replace(ANSWER_LABEL, ''))
    .join('\n')
    .trim();
  return asks(question) && answer ? `${question}\n${answer}` : undefined;
}

/** "Q: ...?" alone in its paragraph, its "A: ..." in the next: one paragraph, as if written without the blank line. */
export function joinLabelledPairs(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    const previous = out[out.length - 1];
    const lone = previous !== undefined && !previous.includes('\n') && QUESTION_LABEL.test(previous) && asks(previous);
    if (lone && ANSWER_LABEL.test(paragraph)) out[out.length - 1] = `${previous}\n${paragraph}`;
    else out.push(paragraph);
  }
  return out;
}
