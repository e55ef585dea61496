import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '@vocalia/service-kit';

export interface UploadedFile {
  filename: string;
  mimeType: string;
  data: Buffer;
  fields: Record<string, string>;
}

// Room for the multipart envelope and the text fields beside the file.
const ENVELOPE_BYTES = 1024 * 1024;

const malformed = () => new AppError('VALIDATION_FAILED', 'body: malformed multipart/form-data', { errors: [{ path: 'body', message: 'malformed multipart/form-data' }] });
const tooLarge = (maxBytes: number) => new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes (${Math.round(maxBytes / 1024 / 1024)} MB)`);
const missingFile = () => new AppError('VALIDATION_FAILED', 'body.file: required, send the document as the multipart field "file"', { errors: [{ path: 'body.file', message: 'required (multipart field "file")' }] });

/**
 * Reads one multipart file field (`file`) and the small text fields beside it; over `maxBytes` is a 413.
 * Every stream error (the request, the parser, the file part: a body that ends early) settles as a 400.
 */
export function readMultipartFile(req: Request, maxBytes: number): Promise<UploadedFile> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes + ENVELOPE_BYTES) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 10_000 } });
    } catch {
      reject(malformed());
      return;
    }
    let settled = false;
    const fail = (err: AppError) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      reject(err);
    };
    const fields: Record<string, string> = {};
    let file: Promise<Omit<UploadedFile, 'fields'> | AppError> | undefined;
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      stream.on('error', () => fail(malformed()));
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      file = new Promise((done) => {
        const parts: Buffer[] = [];
        let truncated = false;
        stream.on('data', (part: Buffer) => parts.push(part));
        stream.on('limit', () => {
          truncated = true;
        });
        stream.on('close', () => done(truncated ? tooLarge(maxBytes) : { filename: info.filename ?? '', mimeType: info.mimeType, data: Buffer.concat(parts) }));
      });
    });
    parser.on('error', () => fail(malformed()));
    req.on('error', () => fail(malformed()));
    parser.on('close', () => {
      if (!file) {
        fail(missingFile());
        return;
      }
      void file.then((got) => {
        if (got instanceof AppError) fail(got);
        else if (!settled) {
          settled = true;
          resolve({ ...got, fields });
        }
      });
    });
    req.pipe(parser);
  });
}
