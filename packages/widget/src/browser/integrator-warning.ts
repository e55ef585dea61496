/**
 * The one place the widget writes to the console: a message for the site's developer when the
 * widget cannot start (or is called wrongly). Each distinct problem is reported once per page.
 */
const reported = new Set<string>();

export function warnIntegrator(problem: string, howToFix: string): void {
  if (reported.has(problem)) return;
  reported.add(problem);
  console.warn(`VocalIA widget: ${problem} ${howToFix}`);
}
