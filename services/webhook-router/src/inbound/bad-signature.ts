import { AppError } from '@vocalia/service-kit';

/** 400 naming the header (or body field) at fault; nothing has been stored. */
export const badSignature = (path: string, message: string) => new AppError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });
