import { languageFromUrl, languagesForTag, pickLanguage, pinnedLanguage, speechLocale } from '../src/browser/language';
import { UI_STRINGS } from '../src/browser/strings';

const ALL = ['fr', 'en', 'es', 'ar', 'ary'];

describe('language selection', () => {
  it('when the URL asks for a language the tenant speaks, then it wins over every other signal', () => {
    expect(pickLanguage({ urlParam: 'ar', chosen: 'en', integrator: 'es', documentLang: 'fr', browser: ['en-US'] }, ALL, 'fr')).toBe('ar');
  });

  it('when there is no URL parameter, then the visitor choice, the integrator, <html lang> and the browser follow in that order', () => {
    expect(pickLanguage({ chosen: 'en', integrator: 'es', documentLang: 'fr' }, ALL, 'fr')).toBe('en');
    expect(pickLanguage({ integrator: 'es', documentLang: 'fr' }, ALL, 'fr')).toBe('es');
    expect(pickLanguage({ documentLang: 'ar', browser: ['en'] }, ALL, 'fr')).toBe('ar');
    expect(pickLanguage({ documentLang: 'de', browser: ['de-DE', 'es-MX'] }, ALL, 'fr')).toBe('es');
  });

  it('when nothing matches the tenant languages, then the tenant default is used', () => {
    expect(pickLanguage({ urlParam: 'ar', documentLang: 'de', browser: ['it'] }, ['fr', 'en'], 'en')).toBe('en');
  });

  it('when the default is not among the tenant languages, then the first tenant language is used', () => {
    expect(pickLanguage({}, ['es', 'en'], 'fr')).toBe('es');
  });

  it('when a Moroccan page (ar-MA) meets a Darija tenant, then Darija is chosen, and MSA when Darija is not offered', () => {
    expect(pickLanguage({ documentLang: 'ar-MA' }, ALL, 'fr')).toBe('ary');
    expect(pickLanguage({ documentLang: 'ar-MA' }, ['fr', 'ar'], 'fr')).toBe('ar');
    expect(pickLanguage({ documentLang: 'ar' }, ['fr', 'ary'], 'fr')).toBe('ary');
  });

  it('when tags come in odd shapes, then they are normalised', () => {
    expect(languagesForTag('FR_ca')).toEqual(['fr']);
    expect(languagesForTag(' ary ')).toEqual(['ary', 'ar']);
    expect(languagesForTag('')).toEqual([]);
    expect(languagesForTag('zz')).toEqual([]);
  });

  it('when the page URL has vocalia_lang and lang, then vocalia_lang is read first', () => {
    expect(languageFromUrl('https://shop.example/?lang=en&vocalia_lang=ary')).toBe('ary');
    expect(languageFromUrl('https://shop.example/?lang=es')).toBe('es');
    expect(languageFromUrl('not a url')).toBeNull();
  });

  it('when speaking, then each language maps to its speech locale', () => {
    expect(['fr', 'en', 'es', 'ar', 'ary'].map((l) => speechLocale(l as 'fr'))).toEqual(['fr-FR', 'en-US', 'es-ES', 'ar-SA', 'ar-MA']);
  });

  it('when a UI string exists in one language, then it exists, non-empty, in all five', () => {
    const keys = Object.keys(UI_STRINGS.fr).sort();
    for (const strings of Object.values(UI_STRINGS)) {
      expect(Object.keys(strings).sort()).toEqual(keys);
      expect(Object.values(strings).every((value) => value.trim().length > 0)).toBe(true);
    }
    expect(UI_STRINGS.ary.send).not.toBe(UI_STRINGS.ar.send);
  });
});

describe('reply language pinning', () => {
  it('when only the page or the browser names a language, then answers are not pinned (the visitor may write in another)', () => {
    expect(pinnedLanguage({ documentLang: 'en', browser: ['en-US'] }, ALL)).toBeUndefined();
  });

  it('when the URL, the visitor or the integrator names a supported language, then answers are pinned to it', () => {
    expect(pinnedLanguage({ urlParam: 'ar', documentLang: 'en' }, ALL)).toBe('ar');
    expect(pinnedLanguage({ chosen: 'es', documentLang: 'en' }, ALL)).toBe('es');
    expect(pinnedLanguage({ integrator: 'ary' }, ALL)).toBe('ary');
  });

  it('when the named language is not one the tenant speaks, then nothing is pinned', () => {
    expect(pinnedLanguage({ integrator: 'es' }, ['fr', 'en'])).toBeUndefined();
  });
});
