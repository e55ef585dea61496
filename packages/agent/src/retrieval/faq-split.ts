/** A chunk as db-api stores an FAQ pair ("question\nanswer"), or plain prose with no question. */
export interface FaqParts {
  question?: string;
  answer: string;
}

const MAX_QUESTION_CHARS = 200;

/** An FAQ chunk's first line is a question (ending in ? or ؟) followed by its answer; anything else is prose. */
export function splitFaq(text: string): FaqParts {
  const newline = text.indexOf('\n');
  if (newline <= 0 || newline > MAX_QUESTION_CHARS) return { answer: text };
  const question = text.slice(0, newline).trim();
  const answer = text.slice(newline + 1).trim();
  return /[?؟]$/.test(question) && answer.length > 0 ? { question, answer } : { answer: text };
}
