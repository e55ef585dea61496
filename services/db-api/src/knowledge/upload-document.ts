import type { Request } from 'express';
import { MAX_KNOWLEDGE_DOCUMENT_BYTES, type KnowledgeDocumentResponse } from '@vocalia/contracts';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { createDocument } from './create-document';
import { parseUpload } from './parse-upload';
import { readMultipartFile } from './read-multipart-file';

/** A multipart upload (field `file`, optional `title` and `language`: without it, the text's language, else the tenant's). */
export async function uploadDocument(deps: Deps, auth: AuthContext, req: Request): Promise<KnowledgeDocumentResponse> {
  const file = await readMultipartFile(req, MAX_KNOWLEDGE_DOCUMENT_BYTES);
  return createDocument(deps, auth, parseUpload(file));
}
