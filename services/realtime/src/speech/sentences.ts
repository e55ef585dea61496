/** Sentence ends in the five languages (Latin and Arabic punctuation), followed by a space or the end. */
const SENTENCE_END = /[.!?…؟]+["'»)]*(?:\s+|$)|\n+/g;

/**
 * Cuts an answer being written into sentences as they complete, so the first one is spoken while
 * the rest is still written. `flush` gives what is left when the answer is done.
 */
export function createSentenceSplitter(onSentence: (sentence: string) => void, minChars = 12) {
  let text = '';
  return {
    push(piece: string) {
      text += piece;
      let cut = 0;
      for (const match of text.matchAll(SENTENCE_END)) {
        const end = match.index + match[0].length;
        // A match at the very end may be a decimal point or an abbreviation still being written.
        if (end >= text.length && !/\s$/.test(match[0])) break;
        if (text.slice(cut, end).trim().length < minChars) continue;
        onSentence(text.slice(cut, end).trim());
        cut = end;
      }
      text = text.slice(cut);
    },
    flush() {
      const rest = text.trim();
      text = '';
      if (rest) onSentence(rest);
    },
  };
}
