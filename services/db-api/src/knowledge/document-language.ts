import { detectLanguage } from '@vocalia/agent';
import { Language } from '@vocalia/contracts';
import type { Deps } from '../deps';
import type { NewDocument } from './create-document';

/** Enough of a document to tell its language; the rest would only cost time. */
const SAMPLE_CHARS = 4000;

function sampleOf(doc: NewDocument): string {
  const text = doc.kind === 'faq' ? doc.faqs.map((f) => `${f.question}\n${f.answer}`).join('\n') : doc.content;
  return text.slice(0, SAMPLE_CHARS);
}

/** The language the owner gave, else the one its text is written in, else the tenant's default language. */
export async function documentLanguage(deps: Deps, tenantId: string, doc: NewDocument): Promise<Language> {
  if (doc.language) return doc.language;
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { defaultLanguage: true } });
  return detectLanguage(sampleOf(doc), Language.catch('fr').parse(tenant?.defaultLanguage)).language;
}
