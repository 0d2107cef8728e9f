/**
 * Plain text out of whatever a feed sends: tags removed, entities decoded, whitespace tidied, length
 * bounded. The result is a fixed point (cleaning it again changes nothing), which the export round
 * trip relies on.
 */

const NAMED_ENTITIES = new Map<string, string>(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
    ndash: '–',
    mdash: '—',
    hellip: '…',
    lsquo: '‘',
    rsquo: '’',
    ldquo: '“',
    rdquo: '”',
    bull: '•',
    middot: '·',
    copy: '©',
    reg: '®',
    eacute: 'é',
    aacute: 'á',
    iacute: 'í',
    oacute: 'ó',
    uacute: 'ú',
    ntilde: 'ñ',
  }),
);

const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;
/** Elements whose content is never text. */
const HIDDEN_ELEMENT = /<(script|style|template|iframe|object|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const LINE_BREAK_TAG = /<\/?(br|p|div|li|h[1-6]|tr)\b[^<>]*>/gi;
const TAG = /<\/?[a-z][^<>]*>|<!--[\s\S]*?-->|<![a-z][^<>]*>/gi;
const MAX_PASSES = 8;

function decodeEntity(whole: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES.get(body.toLowerCase()) ?? whole;
}

function onePass(text: string): string {
  return text.replace(HIDDEN_ELEMENT, ' ').replace(LINE_BREAK_TAG, '\n').replace(TAG, ' ').replace(ENTITY, decodeEntity);
}

/** Control characters other than tab and newline, and the bidirectional overrides. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function tidy(text: string, multiline: boolean): string {
  const flat = text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  if (!multiline) return flat.replace(/\s+/g, ' ').trim();
  return flat
    .split('\n')
    .map((row) => row.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export type CleanedText = { text: string | null; htmlStripped: boolean; truncated: boolean };

/**
 * Tags are stripped until none are left (decoding `&lt;b&gt;` can make new ones); a string still
 * changing after several passes is adversarial and loses its `<`, `>` and `&` characters instead.
 */
export function cleanText(raw: string, options: { max: number; multiline: boolean }): CleanedText {
  // Bound the work before any pass: nothing longer than a few times the limit can survive anyway.
  let text = raw.length > options.max * 4 + 64 ? raw.slice(0, options.max * 4 + 64) : raw;
  const original = tidy(text, options.multiline);
  text = original;
  let passes = 0;
  // Without "<" or "&" there is no tag or entity to remove.
  for (; /[<&]/.test(text); ) {
    const next = tidy(onePass(text), options.multiline);
    if (next === text) break;
    text = next;
    passes += 1;
    if (passes >= MAX_PASSES) {
      text = tidy(text.replace(/[<>&]/g, ' '), options.multiline);
      break;
    }
  }
  const htmlStripped = text !== original;
  let truncated = raw.length > options.max * 4 + 64;
  if (text.length > options.max) {
    // Cut in UTF-16 units (what length limits count) without splitting a surrogate pair.
    let cut = text.slice(0, options.max - 1);
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
    text = `${tidy(cut, options.multiline)}…`;
    truncated = true;
  }
  return { text: text === '' ? null : text, htmlStripped, truncated };
}
