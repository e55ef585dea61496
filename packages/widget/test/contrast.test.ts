import { accentOnWhite, contrastRatio, parseColor, readableTextOn, toHex } from '../src/browser/contrast';
import { resolveTheme, sanitizeFontFamily } from '../src/browser/theme';

describe('contrast', () => {
  it('when comparing black and white, then the ratio is 21 and a color with itself is 1', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([10, 120, 200], [10, 120, 200])).toBe(1);
  });

  it('when the tenant text color reaches AA on its primary, then it is kept', () => {
    expect(toHex(readableTextOn(parseColor('#0f766e')!, parseColor('#ffffff')))).toBe('#ffffff');
  });

  it('when the tenant text color fails AA, then black or white is used, whichever contrasts more', () => {
    expect(toHex(readableTextOn(parseColor('#ffd400')!, parseColor('#ffffff')))).toBe('#000000');
    expect(toHex(readableTextOn(parseColor('#1e3a8a')!, parseColor('#3b82f6')))).toBe('#ffffff');
    const text = readableTextOn(parseColor('#ff5a5f')!, parseColor('#ffffff'));
    expect(contrastRatio(parseColor('#ff5a5f')!, text)).toBeGreaterThanOrEqual(4.5);
  });

  it('when colors come from getComputedStyle or CSS, then rgb(), #rgb and #rrggbb parse and junk does not', () => {
    expect(parseColor('rgb(15, 118, 110)')).toEqual([15, 118, 110]);
    expect(parseColor('rgba(1,2,3,0.5)')).toEqual([1, 2, 3]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('rgba(0,0,0,0)')).toBeUndefined();
    expect(parseColor('red; background:url(x)')).toBeUndefined();
    expect(parseColor('')).toBeUndefined();
  });

  it('when the primary is too light for a focus ring on white, then a dark accent is used', () => {
    expect(toHex(accentOnWhite([255, 230, 0]))).toBe('#1f2937');
    expect(toHex(accentOnWhite([15, 118, 110]))).toBe('#0f766e');
  });
});

describe('theme', () => {
  it('when the host page sets --vocalia-primary, then it overrides the branding and the text color follows it', () => {
    const theme = resolveTheme({ primaryColor: '#0f766e', textColor: '#ffffff', fontFamily: 'Inter' }, ' #fde047 ');
    expect(theme.primary).toBe('#fde047');
    expect(theme.onPrimary).toBe('#000000');
    expect(theme.font.startsWith('Inter,')).toBe(true);
  });

  it('when a font family carries CSS syntax, then only the names survive', () => {
    expect(sanitizeFontFamily('Inter; } body { display:none')).toBe('Inter  body  displaynone');
    expect(sanitizeFontFamily('"Noto Naskh Arabic", serif')).toBe('"Noto Naskh Arabic", serif');
  });
});
