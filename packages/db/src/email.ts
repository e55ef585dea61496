/** User.email is stored this way so that its unique index is case-insensitive; normalise before every read and write. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
