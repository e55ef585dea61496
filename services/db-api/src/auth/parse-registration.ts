import { RegisterRequest } from '@vocalia/contracts';
import { AppError, parseInput } from '@vocalia/service-kit';
import { weakPasswordError } from '../credentials/password-policy';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The registration body with every bad field named in one 400: the schema's and the password policy's. */
export function parseRegistration(body: unknown): RegisterRequest {
  const raw = (body ?? {}) as Record<string, unknown>;
  const password = text(raw.password);
  const weak = password ? weakPasswordError(password, text(raw.email) ?? '', 'body.password') : undefined;
  let input: RegisterRequest;
  try {
    input = parseInput(RegisterRequest, body);
  } catch (err) {
    if (!weak || !(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
    const errors = [...(err.extras.errors ?? []), ...(weak.extras.errors ?? [])];
    throw new AppError('VALIDATION_FAILED', `${err.message}; ${weak.message}`, { errors });
  }
  if (weak) throw weak;
  return input;
}
