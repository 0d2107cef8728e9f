import type { CrisisLine } from '../../shared/contracts/organization.ts';
import { smsHref, telHref } from '../../shared/crisis-links.ts';

/**
 * The first HTML of every page: the built index.html with the help button and the organization's crisis
 * lines already in `#root`, so they show on a slow phone before (and without) any JavaScript. The client's
 * first render replaces the contents of `#root` (React's createRoot empties its container), so nothing is
 * shown twice; from then on the header's "Get help now" button opens the same lines in a dialog.
 */

export type ShellLanguage = 'en' | 'es';

/** The shell's words: the client's own (client/app/i18n/<language>/common.ts; app-shell.test.ts keeps them equal). */
export const SHELL_WORDS = {
  en: {
    appName: 'Kinship',
    skipToContent: 'Skip to main content',
    button: 'Get help now',
    title: 'Help is here, any time',
    intro: 'You are not alone. If you are struggling or in danger, reach out now. These lines are free and confidential.',
    call: 'Call {{number}}',
    text: 'Text {{number}}',
    textKeyword: 'Text: {{keyword}}',
    website: 'Website',
    none: 'Your organization has not listed crisis lines yet. In an emergency, call your local emergency number.',
    needsScript: 'The rest of Kinship needs JavaScript: turn it on in your browser to sign in or find a meeting.',
  },
  es: {
    appName: 'Kinship',
    skipToContent: 'Saltar al contenido principal',
    button: 'Pedir ayuda ya',
    title: 'Aquí hay ayuda, a cualquier hora',
    intro:
      'No estás solo ni sola. Si lo estás pasando mal o corres peligro, comunícate ahora. Estas líneas son gratuitas y confidenciales.',
    call: 'Llamar al {{number}}',
    text: 'Enviar mensaje al {{number}}',
    textKeyword: 'Mensaje: {{keyword}}',
    website: 'Sitio web',
    none: 'Tu organización aún no ha añadido líneas de crisis. En una emergencia, llama al número de emergencias local.',
    needsScript: 'El resto de Kinship necesita JavaScript: actívalo en tu navegador para iniciar sesión o buscar una reunión.',
  },
} as const satisfies Record<ShellLanguage, Record<string, string>>;

const ROOT = '<div id="root"></div>';
const STYLESHEET = /<link rel="stylesheet"[^>]*>\s*/g;

/**
 * Just enough style for the shell (scoped to it, the colours of client/styles/app.css), inline: the app's
 * stylesheet moves below #root, so on a slow network the help paints before the stylesheet has arrived.
 */
const SHELL_STYLE = `<style>
.first-shell{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#2a2320;line-height:1.5}
.first-shell .site-header{display:flex;align-items:center;justify-content:space-between;gap:.75rem;padding:.5rem 1rem;border-bottom:1px solid #e2d8cc}
.first-shell .brand{display:inline-flex;align-items:center;gap:.5rem;min-height:44px;color:#2a2320;font-weight:800;font-size:1.2rem;text-decoration:none}
.first-shell .btn{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:.5rem 1rem;border-radius:10px;font-weight:700;text-decoration:none}
.first-shell .btn-danger{background:#a3301a;color:#fff}
.first-shell .btn-primary{background:#1d5c57;color:#fff}
.first-shell .btn-secondary{background:#fff;color:#1d5c57;border:2px solid #1d5c57}
.first-shell .main{padding:1rem;max-width:40rem;margin:0 auto}
.first-shell h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
.first-shell .crisis-lines{list-style:none;margin:0;padding:0}
.first-shell .crisis-line{padding:.75rem 0;border-top:1px solid #e2d8cc}
.first-shell .crisis-line-name{font-weight:700;margin:0}
.first-shell .button-row{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}
.first-shell .skip-link{position:absolute;left:.5rem;top:-4rem}
.first-shell .skip-link:focus{top:.5rem}
</style>`;
const HTML_LANG = /<html lang="[^"]*">/;

/** Text or an attribute value made inert: organization settings are admin input and must never become markup. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The first of the visitor's Accept-Language choices (by q, then order) that Kinship speaks; English otherwise. */
export function shellLanguage(acceptLanguage: string | undefined): ShellLanguage {
  const choices = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { base: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((choice) => choice.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { base } of choices) if (base === 'en' || base === 'es') return base;
  return 'en';
}

function fill(template: string, name: string, value: string): string {
  // A function, so `$&` or `$1` in an organization's text stays text.
  return template.replace(`{{${name}}}`, () => value);
}

function lineHtml(line: CrisisLine, words: (typeof SHELL_WORDS)[ShellLanguage]): string {
  const e = escapeHtml;
  const links: string[] = [];
  if (line.phone)
    links.push(`<a class="btn btn-primary" href="${e(telHref(line.phone))}">${e(fill(words.call, 'number', line.phone))}</a>`);
  const sms = line.text ? smsHref(line.text) : null;
  if (line.text && sms) links.push(`<a class="btn btn-secondary" href="${e(sms)}">${e(fill(words.text, 'number', line.text))}</a>`);
  if (line.text && !sms) links.push(`<p>${e(fill(words.textKeyword, 'keyword', line.text))}</p>`);
  if (line.url) {
    links.push(`<a class="btn btn-secondary" href="${e(line.url)}" target="_blank" rel="noopener noreferrer">${e(words.website)}</a>`);
  }
  const note = line.note ? `<p class="crisis-line-note">${e(line.note)}</p>` : '';
  return `<li class="crisis-line"><p class="crisis-line-name">${e(line.name)}</p>${note}<div class="button-row">${links.join('')}</div></li>`;
}

/** The markup that goes inside `#root`: the header with the help link, the crisis lines, and a word for browsers without JavaScript. */
export function shellBody(lines: readonly CrisisLine[], language: ShellLanguage): string {
  const words = SHELL_WORDS[language];
  const e = escapeHtml;
  const list =
    lines.length > 0 ? `<ul class="crisis-lines">${lines.map((line) => lineHtml(line, words)).join('')}</ul>` : `<p>${e(words.none)}</p>`;
  return [
    '<div class="shell shell-narrow first-shell">',
    `<a class="skip-link" href="#main">${e(words.skipToContent)}</a>`,
    '<header class="site-header">',
    `<a href="/" class="brand"><img src="/favicon.svg" alt="" width="32" height="32"><span class="brand-name">${e(words.appName)}</span></a>`,
    `<div class="header-actions"><a class="btn btn-danger help-button" href="#crisis-lines">${e(words.button)}</a></div>`,
    '</header>',
    '<main id="main" tabindex="-1" class="main main-narrow">',
    `<section id="crisis-lines" class="stack" aria-labelledby="crisis-lines-title"><h1 id="crisis-lines-title">${e(words.title)}</h1><p>${e(words.intro)}</p>${list}</section>`,
    `<noscript><p>${e(words.needsScript)}</p></noscript>`,
    '</main>',
    '</div>',
  ].join('');
}

/** Checks that the built index.html has the empty `#root` and the `<html lang>` the shell fills in. */
export function assertShellTemplate(template: string): void {
  if (!template.includes(ROOT) || !HTML_LANG.test(template)) {
    throw new Error(`the built index.html has no ${ROOT} or <html lang="…">: rebuild the web client`);
  }
}

/** The built file of each language's strings (client/app/i18n/<language>.ts), from Vite's manifest; none when it is missing. */
export function languageFiles(manifest: Record<string, { file?: string }> | null): Partial<Record<ShellLanguage, string>> {
  const files: Partial<Record<ShellLanguage, string>> = {};
  for (const language of ['en', 'es'] as const) {
    const file = manifest?.[`app/i18n/${language}.ts`]?.file;
    if (file && /^[\w./-]+$/.test(file)) files[language] = `/${file}`;
  }
  return files;
}

/**
 * The whole first HTML for a visitor speaking `language`, from the built index.html; `languageFile` (the
 * strings the client will ask for first) is preloaded with the other scripts rather than after them.
 */
export function renderShell(template: string, lines: readonly CrisisLine[], language: ShellLanguage, languageFile?: string): string {
  const body = shellBody(lines, language);
  const preload = languageFile ? `<link rel="modulepreload" crossorigin href="${escapeHtml(languageFile)}">` : '';
  // A stylesheet in <head> holds back the first paint until it arrives, behind every script on a slow
  // link; below #root it holds back nothing above it (the client renders only after it anyway).
  const stylesheets = (template.match(STYLESHEET) ?? []).map((link) => link.trim()).join('');
  return template
    .replace(STYLESHEET, '')
    .replace(HTML_LANG, `<html lang="${language}">`)
    .replace('</head>', () => `${preload}${SHELL_STYLE}</head>`)
    .replace(ROOT, () => `<div id="root">${body}</div>${stylesheets}`);
}
