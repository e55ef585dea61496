import { parse as parseCsv } from 'csv-parse/sync';
import { extname } from 'node:path';
import { CreateKnowledgeDocumentRequest, UploadKnowledgeFields } from '@vocalia/contracts';
import { AppError, findNul, nulRefused, parseInput } from '@vocalia/service-kit';
import type { NewDocument } from './create-document';
import type { UploadedFile } from './read-multipart-file';

const KIND_BY_EXTENSION: Record<string, 'text' | 'markdown' | 'faq'> = { '.txt': 'text', '.md': 'markdown', '.markdown': 'markdown', '.json': 'faq', '.csv': 'faq' };

const fileError = (message: string) => new AppError('VALIDATION_FAILED', `body.file: ${message}`, { errors: [{ path: 'body.file', message }] });

function decodeUtf8(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    throw fileError('not UTF-8 text');
  }
}

/** FAQ files: JSON `[{question, answer}]` or `{faqs: [...]}`; CSV with a `question,answer` header row. */
function readFaqs(extension: string, text: string): unknown {
  if (extension === '.json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw fileError('not valid JSON');
    }
    return Array.isArray(parsed) ? parsed : (parsed as { faqs?: unknown } | null)?.faqs;
  }
  try {
    const rows = parseCsv(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true }) as Record<string, string>[];
    return rows.map((row) => ({ question: row.question, answer: row.answer }));
  } catch (err) {
    throw fileError(`not valid CSV (${err instanceof Error ? err.message : 'unreadable'}); expected a header row question,answer`);
  }
}

/** Turns an uploaded .txt/.md/.json/.csv into the same document a JSON body would describe. */
export function parseUpload(file: UploadedFile): NewDocument {
  const badName = findNul(file.filename, 'file.filename');
  if (badName.length) throw nulRefused(badName);
  const extension = extname(file.filename).toLowerCase();
  const kind = KIND_BY_EXTENSION[extension];
  if (!kind) throw fileError(`unsupported file type "${extension || file.filename}"; send .txt, .md, .json (FAQ) or .csv (FAQ)`);
  const fields = parseInput(UploadKnowledgeFields, file.fields, 'body');
  const text = decodeUtf8(file.data);
  const title = fields.title ?? (file.filename.slice(0, 200) || 'Untitled');
  const language = fields.language;
  const raw = kind === 'faq' ? { title, kind, language, faqs: readFaqs(extension, text) } : { title, kind, language, content: text };
  return { ...parseInput(CreateKnowledgeDocumentRequest, raw, 'file'), source: file.filename.slice(0, 300) };
}
