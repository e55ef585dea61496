import { randomBytes } from 'node:crypto';

/** `Café Atlas S.A.R.L.` -> `cafe-atlas-s-a-r-l`: ASCII, lowercase, dashes, at most 48 characters. */
export function slugify(company: string): string {
  const slug = company
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug || 'tenant';
}

/** The n-th candidate for a taken slug: the base first, then the base with a random suffix. */
export function slugCandidate(base: string, attempt: number): string {
  return attempt === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
}
