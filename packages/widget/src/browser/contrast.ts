/** WCAG 2.x contrast, used to keep text on the tenant's brand color at AA (4.5:1). */
export type Rgb = readonly [number, number, number];

export const AA_TEXT = 4.5;
export const AA_UI = 3;

/** Parses `#rgb`, `#rrggbb` and `rgb()/rgba()` (what getComputedStyle gives back); anything else is undefined. */
export function parseColor(value: string | null | undefined): Rgb | undefined {
  const text = (value ?? '').trim().toLowerCase();
  const hex = (digits: string | undefined) => parseInt(digits ?? '0', 16);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return [hex(`${short[1]}${short[1]}`), hex(`${short[2]}${short[2]}`), hex(`${short[3]}${short[3]}`)];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(text);
  if (long) return [hex(long[1]), hex(long[2]), hex(long[3])];
  const fn = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*(?:[,/]\s*([\d.]+)%?\s*)?\)$/.exec(text);
  if (!fn || (fn[4] !== undefined && parseFloat(fn[4]) === 0)) return undefined;
  const rgb: Rgb = [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return rgb.every((n) => n <= 255) ? rgb : undefined;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((n) => n.toString(16).padStart(2, '0')).join('')}`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** The tenant's text color when it reaches AA on the background, else black or white, whichever contrasts more. */
export function readableTextOn(background: Rgb, preferred?: Rgb): Rgb {
  if (preferred && contrastRatio(background, preferred) >= AA_TEXT) return preferred;
  return contrastRatio(background, BLACK) >= contrastRatio(background, WHITE) ? BLACK : WHITE;
}

/** A focus ring / accent visible on the white panel (3:1 for UI parts): the brand color when it is dark enough. */
export function accentOnWhite(primary: Rgb): Rgb {
  return contrastRatio(primary, WHITE) >= AA_UI ? primary : [31, 41, 55];
}
