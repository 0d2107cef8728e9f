import { isMeetingType } from '@code4recovery/spec';
import { describe, expect, it } from 'vitest';
import { canonicalTypeCode, LANGUAGE_BY_TYPE_CODE, languagesOf, SPEC_TYPE_CODES, SPEC_TYPE_NAMES } from './type-codes.ts';

describe('type codes from @code4recovery/spec', () => {
  it('has the 87 official codes and matches them without regard to case', () => {
    expect(SPEC_TYPE_CODES).toHaveLength(87);
    expect(SPEC_TYPE_CODES.every((code) => isMeetingType(code))).toBe(true);
    expect(canonicalTypeCode('b')).toBe('B');
    expect(canonicalTypeCode('12X12')).toBe('12x12');
    expect(canonicalTypeCode('lgbtq')).toBe('LGBTQ');
    expect(canonicalTypeCode('al-an')).toBe('AL-AN');
    expect(canonicalTypeCode('ONL')).toBeNull();
    expect(canonicalTypeCode('constructor')).toBeNull();
  });

  it('maps exactly the codes the spec names after a language', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    // CLDR calls "tl" Filipino; the spec calls the code TL "Tagalog".
    const cldrAliases: Record<string, string> = { TL: 'Filipino' };
    for (const [code, tag] of Object.entries(LANGUAGE_BY_TYPE_CODE)) {
      expect(isMeetingType(code), code).toBe(true);
      expect(names.of(tag), code).toBe(cldrAliases[code] ?? SPEC_TYPE_NAMES[code]);
    }
    // No other spec code is named after a language CLDR knows (two-letter codes plus sign languages).
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const languageNames = new Set(['Tagalog', names.of('ase')]);
    for (const a of letters) for (const b of letters) if (names.of(a + b) !== a + b) languageNames.add(names.of(a + b));
    const unmapped = SPEC_TYPE_CODES.filter((code) => !(code in LANGUAGE_BY_TYPE_CODE) && languageNames.has(SPEC_TYPE_NAMES[code]));
    expect(unmapped).toEqual([]);
  });

  it('derives sorted, unique language tags', () => {
    expect(languagesOf(['S', 'EN', 'O', 'ASL', 'S'])).toEqual(['ase', 'en', 'es']);
    expect(languagesOf(['O', 'D'])).toEqual([]);
  });
});
