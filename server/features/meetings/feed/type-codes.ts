import { getTypesForLanguage } from '@code4recovery/spec';

/** The official Meeting Guide type codes and their English names, from @code4recovery/spec. */
export const SPEC_TYPE_NAMES: Readonly<Record<string, string>> = getTypesForLanguage('en');
export const SPEC_TYPE_CODES: readonly string[] = Object.keys(SPEC_TYPE_NAMES);

const byUpperCase = new Map(SPEC_TYPE_CODES.map((code) => [code.toUpperCase(), code]));

/** The spec's spelling of a code matched without regard to case ("b" → "B", "12X12" → "12x12"), or null. */
export function canonicalTypeCode(code: string): string | null {
  return byUpperCase.get(code.toUpperCase()) ?? null;
}

const byName = new Map(Object.entries(SPEC_TYPE_NAMES).map(([code, name]) => [name.toLowerCase(), code]));

/** The code of a type given by its English name ("open", "Closed", "Big Book"), or null. */
export function typeCodeFromName(name: string): string | null {
  return byName.get(name.trim().toLowerCase()) ?? null;
}

/**
 * Meta codes feeds add for attendance ("ONL" online, "HY" hybrid). They are not in the spec: the
 * attendance mode is derived from the conference fields and the address instead (STANDARDS.md).
 */
export const ONLINE_META_CODES = new Set(['ONL', 'HY']);

/**
 * The spec names languages as type codes but does not mark them as such; this table does (BCP 47
 * tags). A test checks every entry against the spec's English name and that no other spec code
 * names a language.
 */
export const LANGUAGE_BY_TYPE_CODE: Readonly<Record<string, string>> = {
  AF: 'af',
  AM: 'am',
  AR: 'ar',
  ASL: 'ase',
  BG: 'bg',
  DA: 'da',
  DE: 'de',
  EL: 'el',
  EN: 'en',
  FA: 'fa',
  FI: 'fi',
  FR: 'fr',
  HE: 'he',
  HI: 'hi',
  HR: 'hr',
  HU: 'hu',
  IS: 'is',
  ITA: 'it',
  JA: 'ja',
  KA: 'ka',
  KOR: 'ko',
  LT: 'lt',
  ML: 'ml',
  MT: 'mt',
  NE: 'ne',
  NL: 'nl',
  NO: 'no',
  POL: 'pl',
  POR: 'pt',
  PUN: 'pa',
  RUS: 'ru',
  S: 'es',
  SK: 'sk',
  SL: 'sl',
  SV: 'sv',
  TH: 'th',
  TL: 'tl',
  TUR: 'tr',
  UK: 'uk',
};

export function languagesOf(types: readonly string[]): string[] {
  const tags = new Set<string>();
  for (const code of types) {
    const tag = LANGUAGE_BY_TYPE_CODE[code];
    if (tag) tags.add(tag);
  }
  return [...tags].sort();
}
