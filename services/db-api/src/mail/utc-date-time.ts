/** A date and time as a reader of `locale` writes it, in UTC, saying so. */
export function utcDateTime(locale: string, at: Date): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(at);
}
