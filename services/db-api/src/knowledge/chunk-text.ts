/** Chunks aim for MIN..MAX characters; a chunk cut inside a section repeats the end of the previous one. */
const MIN_CHARS = 500;
const MAX_CHARS = 800;
const OVERLAP_CHARS = 150;

interface Section {
  heading?: string;
  paragraphs: string[];
}

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
const SENTENCE_END = /(?<=[.!?؟。…])\s+/u;

export function normalizeContent(content: string): string {
  return content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
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
    const match = HEADING.exec(line);
    if (!match) {
      body.push(line);
      continue;
    }
    flush();
    heading = match[1];
    body = [];
  }
  flush();
  return sections;
}

/** Breaks text longer than `max` at sentence ends, then at spaces, never inside a word when avoidable. */
function splitLong(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let current = '';
  const words = text.split(SENTENCE_END).flatMap((sentence) => (sentence.length <= max ? [sentence] : sentence.split(/\s+/)));
  for (const word of words) {
    const pieces = word.length <= max ? [word] : (word.match(new RegExp(`[\\s\\S]{1,${max}}`, 'g')) ?? []);
    for (const piece of pieces) {
      if (current && current.length + 1 + piece.length > max) {
        out.push(current);
        current = piece;
      } else {
        current = current ? `${current} ${piece}` : piece;
      }
    }
  }
  if (current) out.push(current);
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

function chunkSections(sections: Section[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const section of sections) {
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
