/**
 * Keeps the last 4 digits (2 for short numbers) and the leading `+`: `+212612345678` -> `+********5678`.
 * Applied before a number is stored, so the full caller number never reaches the database.
 */
export function maskPhoneNumber(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (!digits) return raw.slice(0, 32);
  const keep = digits.length >= 8 ? 4 : Math.min(2, digits.length);
  return `${raw.trim().startsWith('+') ? '+' : ''}${'*'.repeat(digits.length - keep)}${digits.slice(-keep)}`;
}
