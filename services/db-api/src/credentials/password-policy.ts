import type { ProblemField } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

/** The few passwords every list of breached passwords starts with (lowercased); long enough to pass the length rule. */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '12345678910',
  '123456789a',
  '0123456789',
  'qwertyuiop',
  'qwerty1234',
  'qwerty123456',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'password12',
  'password123',
  'password1234',
  'password!!',
  'passw0rd123',
  'iloveyou123',
  'azertyuiop',
  'azerty1234',
  'azerty123456',
  'motdepasse',
  'motdepasse1',
  'motdepasse123',
  'welcome123',
  'welcome1234',
  'letmein123',
  'admin12345',
  'administrator',
  'football123',
  'baseball123',
  'sunshine123',
  'princess123',
  'trustno1234',
  'changeme123',
  'abcdefghij',
  'abc1234567',
  'aaaaaaaaaa',
  'vocalia123',
  'vocalia2024',
  'vocalia2025',
  'contrasena123',
  'bismillah123',
]);

const MIN_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

function characterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return classes.filter((re) => re.test(password)).length;
}

/** Why a password is refused (the rule, for clients to say it in their language, and in English), or undefined when it is acceptable. */
function passwordWeakness(password: string, email: string): Pick<ProblemField, 'rule' | 'limit' | 'message'> | undefined {
  if (password.length < MIN_LENGTH) return { rule: 'too_short', limit: MIN_LENGTH, message: `must be at least ${MIN_LENGTH} characters` };
  if (password.length > MAX_PASSWORD_LENGTH) return { rule: 'too_long', limit: MAX_PASSWORD_LENGTH, message: `must be at most ${MAX_PASSWORD_LENGTH} characters` };
  if (characterClasses(password) < 2) return { rule: 'password_kinds', message: 'must mix at least two kinds of characters (lowercase, uppercase, digits, symbols)' };
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return { rule: 'password_common', message: 'is too common' };
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local)) return { rule: 'password_has_email', message: 'must not contain your email address' };
  return undefined;
}

/** The 400 for a password the policy refuses, naming the field at `path` (`body.password`), or undefined. */
export function weakPasswordError(password: string, email: string, path: string): AppError | undefined {
  const weakness = passwordWeakness(password, email);
  return weakness && new AppError('VALIDATION_FAILED', `${path}: ${weakness.message}`, { errors: [{ path, ...weakness }] });
}
