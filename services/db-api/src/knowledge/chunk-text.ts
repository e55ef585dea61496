import { faqPairOf, joinLabelledPairs } from './pasted-faq';

/** Chunks aim for MIN..MAX characters; a chunk cut inside a section repeats the end of the previous one. */
const MIN_CHARS = 500;
const MAX_CHARS = 800;
const OVERLAP_CHARS = 150;

interface Section {
  heading?: string;
  paragraphs: string[];
}

const SENTENCE_END = /(?<=[.!?؟。…])\s+/u;
// Single characters only: a regex applied to one character cannot backtrack.
const WHITESPACE = /^\s$/;
const LINE_TERMINATOR = /[\u2028\u2029]/;

const isSpace = (ch: string | undefined) => ch !== undefined && WHITESPACE.test(ch);

/** Without [ \t] at its end; a hand scan, as `[ \t]+$` backtracks quadratically on long runs. */
function trimSpacesAndTabsEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

export function normalizeContent(content: string): string {
  const lines = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map(trimSpacesAndTabsEnd);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * The text of a markdown heading line (`# Title`, `## Title ##`), or undefined: the same result as
 * `/^#{1,6}\s+(.+?)\s*#*\s*$/` gives, found in one pass (that pattern is quadratic on long space runs).
 */
function headingOf(line: string): string | undefined {
  let level = 0;
  while (line[level] === '#') level++;
  if (level < 1 || level > 6 || !isSpace(line[level])) return undefined;
  let start = level;
  while (isSpace(line[start])) start++;
  // A line of only spaces after the hashes: the leading spaces give back their last character that is not a line separator.
  if (start === line.length) {
    start--;
    while (start > level && LINE_TERMINATOR.test(line[start] ?? '')) start--;
    if (start === level) return undefined;
  }
  let end = line.length;
  while (end > start && isSpace(line[end - 1])) end--;
  while (end > start && line[end - 1] === '#') end--;
  while (end > start && isSpace(line[end - 1])) end--;
  const text = line.slice(start, Math.max(end, start + 1));
  return LINE_TERMINATOR.test(text) ? undefined : text;
}

/** Paragraphs are separated by blank (whitespace-only) lines. */
function paragraphsOf(text: string): string[] {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    const paragraph = lines.join('\n').trim();
    if (paragraph) paragraphs.push(paragraph);
    lines = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim()) lines.push(line);
    else flush();
  }
  flush();
  return paragraphs;
}

function splitMarkdownSections(text: string): Section[] {
  const sections: Section[] = [];
  let heading: string | undefined;
  let body: string[] = [];
  const flush = () => {
    const paragraphs = paragraphsOf(body.join('\n'));
    if (paragraphs.length || heading) sections.push({ heading, paragraphs });
  };
  for (const line of text.split('\n')) {
    const title = headingOf(line);
    if (title === undefined) {
      body.push(line);
      continue;
    }
    flush();
    heading = title;
    body = [];
  }
  flush();
  return sections;
}

/** Breaks text longer than `max` at sentence ends, then at spaces, never inside a word when avoidable. */
function splitLong(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  // The piece being built, as words and its joined length: joining once per piece keeps many tiny words linear and cheap.
  let words: string[] = [];
  let length = 0;
  const add = (piece: string) => {
    if (length && length + 1 + piece.length > max) {
      out.push(words.join(' '));
      words = [piece];
      length = piece.length;
    } else if (length) {
      words.push(piece);
      length += 1 + piece.length;
    } else {
      words = [piece];
      length = piece.length;
    }
  };
  for (const sentence of text.split(SENTENCE_END)) {
    for (const word of sentence.length <= max ? [sentence] : sentence.split(/\s+/)) {
      if (word.length <= max) add(word);
      else for (let at = 0; at < word.length; at += max) add(word.slice(at, at + max));
    }
  }
  if (length) out.push(words.join(' '));
  return out;
}

/** The last sentences of a chunk, up to OVERLAP_CHARS, carried into the next one for context. */
function tailOf(text: string): string {
  const sentences = text.split(SENTENCE_END);
  let tail = '';
  for (let i = sentences.length - 1; i >= 0; i--) {
    const next = tail ? `${sentences[i]} ${tail}` : (sentences[i] ?? '');
    if (next.length > OVERLAP_CHARS) break;
    tail = next;
  }
  if (tail) return tail;
  const cut = text.slice(-OVERLAP_CHARS);
  return cut.slice(cut.indexOf(' ') + 1);
}

/**
 * A section's paragraphs in document order: each pasted FAQ pair (a paragraph whose first line asks)
 * on its own, stored as an FAQ pair is; the prose between them as sections under the same heading.
 */
function withPairs(section: Section): (Section | { pair: string })[] {
  const parts: (Section | { pair: string })[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length) parts.push({ heading: section.heading, paragraphs: prose });
    prose = [];
  };
  for (const paragraph of joinLabelledPairs(section.paragraphs)) {
    const pair = faqPairOf(paragraph);
    if (pair === undefined || pair.length > MAX_CHARS) {
      prose.push(paragraph);
    } else {
      flush();
      parts.push({ pair });
    }
  }
  flush();
  return parts.length ? parts : [section];
}

function chunkSections(sections: Section[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const part of sections.flatMap(withPairs)) {
    if ('pair' in part) {
      if (current) chunks.push(current);
      current = '';
      chunks.push(part.pair);
      continue;
    }
    const section = part;
    const prefix = section.heading ? `${section.heading}\n` : '';
    const pieces = section.paragraphs.flatMap((p) => splitLong(p, MAX_CHARS - prefix.length));
    if (!pieces.length && prefix) pieces.push('');
    // A new section starts a new chunk unless the current one is still short and the section fits in it.
    const sectionText = `${prefix}${pieces.join('\n\n')}`.trim();
    if (current && current.length < MIN_CHARS && current.length + 2 + sectionText.length <= MAX_CHARS) {
      current = `${current}\n\n${sectionText}`;
      continue;
    }
    if (current) chunks.push(current);
    current = '';
    for (const piece of pieces) {
      if (!current) {
        current = `${prefix}${piece}`.trim();
      } else if (current.length + 2 + piece.length <= MAX_CHARS) {
        current = `${current}\n\n${piece}`;
      } else {
        chunks.push(current);
        current = `${prefix}${tailOf(current)} ${piece}`.trim();
      }
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Markdown: by headings, then paragraphs. Plain text: by paragraphs. Both packed into ~500-800 characters. */
export function chunkText(kind: 'text' | 'markdown', content: string): string[] {
  const text = normalizeContent(content);
  const sections = kind === 'markdown' ? splitMarkdownSections(text) : [{ paragraphs: paragraphsOf(text) }];
  return chunkSections(sections);
}

/** Each FAQ pair is one chunk: the question, then the answer. */
export function chunkFaqs(faqs: { question: string; answer: string }[]): string[] {
  return faqs.map((faq) => `${faq.question.trim()}\n${faq.answer.trim()}`);
}
