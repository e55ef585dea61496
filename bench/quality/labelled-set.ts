import type { Language } from '@vocalia/contracts';

/** One knowledge document as a tenant loads it through `POST /api/v1/knowledge/documents`. */
export type LabelledDocument =
  | { title: string; language: Language; kind: 'faq'; faqs: { question: string; answer: string }[] }
  | { title: string; language: Language; kind: 'text'; content: string };

/** A visitor's question: `fact` names the fact that answers it, absent when the knowledge base has no answer. */
export interface LabelledQuestion {
  language: Language;
  text: string;
  fact?: string;
}

export interface LabelledBusiness {
  id: string;
  name: string;
  sector: string;
  defaultLanguage: Language;
  currency: string;
  /** Each fact by the patterns an answer must contain to state it (digits and names, the same in every language). */
  facts: Record<string, RegExp>;
  documents: LabelledDocument[];
  questions: LabelledQuestion[];
}
