import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../client/app/i18n/en.ts';
import { es } from '../../client/app/i18n/es.ts';
import { precompress } from '../../scripts/precompress.ts';
import { type Person, setUpOrganization } from '../test/factories.ts';
import { buildTestApp, type TestApp } from '../test/harness.ts';
import { SHELL_WORDS, shellLanguage } from './app-shell.ts';

// A built client as scripts/build-client.ts leaves it: the shell template, a hashed script, a source map a
// build might have left behind, then the brotli and gzip copies precompress() writes.
const SCRIPT = `/* app */ ${'export const greeting = "hello from the finder";\n'.repeat(200)}`;
const TEMPLATE = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Kinship</title><script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-abc123.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

let dir: string;
let t: TestApp;
let admin: Person;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kinship-client-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), TEMPLATE);
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js.map'), JSON.stringify({ version: 3, sources: ['secret.ts'] }));
  writeFileSync(path.join(dir, 'sw.js.map'), '{}');
  precompress(dir);
  t = await buildTestApp({ clientDir: dir });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

function decoded(response: Awaited<ReturnType<typeof get>>): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(response.rawPayload).toString('utf8');
  return response.body;
}

describe('compressed answers', () => {
  it('sends the build’s brotli copy of a script to a browser that accepts br, cached for a year', async () => {
    const response = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.equals(readFileSync(path.join(dir, 'assets', 'index-abc123.js.br')))).toBe(true);
    expect(decoded(response)).toBe(SCRIPT);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gzip = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toBe(SCRIPT);
    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(SCRIPT);
  });

  it('compresses the HTML and API JSON made per request', async () => {
    for (const encoding of ['br', 'gzip']) {
      const html = await get('/meetings', { 'accept-encoding': encoding });
      expect(html.headers['content-encoding']).toBe(encoding);
      expect(decoded(html)).toContain('<div id="root"><div class="shell shell-narrow first-shell">');
      const api = await get('/api/openapi.json', { 'accept-encoding': encoding });
      expect(api.statusCode).toBe(200);
      expect(api.headers['content-encoding']).toBe(encoding);
      expect(JSON.parse(decoded(api)).openapi).toBe('3.1.0');
    }
  });

  it('serves no source map, even one a build left behind', async () => {
    for (const url of ['/assets/index-abc123.js.map', '/sw.js.map']) {
      const response = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(response.statusCode, url).toBe(404);
      expect(decoded(response), url).not.toContain('secret.ts');
    }
  });
});

describe('the first HTML shows help without JavaScript', () => {
  it('before setup, carries the default crisis lines and the help link', async () => {
    const html = (await get('/')).body;
    expect(html).toContain('<a class="btn btn-danger help-button" href="#crisis-lines">Get help now</a>');
    expect(html).toContain('988 Suicide &amp; Crisis Lifeline');
    expect(html).toContain('href="tel:988"');
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-abc123.js"></script>');
    // The stylesheet waits below the help, so it cannot hold back its first paint.
    const stylesheet = html.indexOf('<link rel="stylesheet" crossorigin href="/assets/index-abc123.css">');
    expect(stylesheet).toBeGreaterThan(html.indexOf('</head>'));
    expect(stylesheet).toBeGreaterThan(html.indexOf('Get help now'));
  });

  it('carries the organization’s own crisis lines from its settings, on every page address', async () => {
    admin = await setUpOrganization(t);
    for (const url of ['/meetings', '/sign-in', '/index.html', '/people/123?tab=plan']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<p class="crisis-line-name">988 Lifeline</p>');
      expect(response.body).toContain('<a class="btn btn-primary" href="tel:988">Call 988</a>');
      expect(response.body).not.toContain('SAMHSA');
    }
    const changed = await admin.agent.patch('/api/admin/settings', {
      crisisLines: [{ name: 'Harbor Warmline', phone: '1-800-555-0100', text: 'HOME 741741', note: 'Evenings' }],
    });
    expect(changed.status).toBe(200);
    const html = (await get('/meetings')).body;
    expect(html).toContain('Harbor Warmline');
    expect(html).toContain('href="tel:18005550100"');
    expect(html).toContain('href="sms:741741?&amp;body=HOME"');
    expect(html).not.toContain('988 Lifeline');
  });

  it('escapes whatever an administrator typed into a crisis line', async () => {
    const changed = await admin.agent.patch('/api/admin/settings', {
      crisisLines: [
        {
          name: '</a><script>alert("name")</script>',
          note: "\"><img src=x onerror=alert(1)> $& $1 'quoted'",
          url: 'https://example.org/help?a=1&b="2"',
        },
      ],
    });
    expect(changed.status).toBe(200);
    const html = (await get('/')).body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/a&gt;&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; $&amp; $1 &#39;quoted&#39;');
    // Only the build's own script tag is there.
    expect(html.match(/<script/g)).toHaveLength(1);
    const link = /<a class="btn btn-secondary" href="([^"]*)" target="_blank"/.exec(html)?.[1];
    expect(link).toBeDefined();
    expect(link).not.toContain('"');
  });

  it('speaks the visitor’s language, in the words the client uses', async () => {
    const spanish = await get('/sign-in', { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
    expect(spanish.body).toContain('<html lang="es">');
    expect(spanish.body).toContain(`>${es.crisis.button}</a>`);
    expect(spanish.headers.vary).toMatch(/accept-language/i);
    expect((await get('/sign-in', { 'accept-language': 'fr, en;q=0.8' })).body).toContain('<html lang="en">');
    expect(shellLanguage('en;q=0.2, es;q=0.8')).toBe('es');
    expect(shellLanguage('es;q=0, de')).toBe('en');
    expect(shellLanguage(undefined)).toBe('en');
    for (const [language, words] of [
      ['en', en],
      ['es', es],
    ] as const) {
      const { appName, skipToContent, needsScript, ...crisis } = SHELL_WORDS[language];
      expect(words.crisis).toMatchObject(crisis);
      expect([appName, skipToContent]).toEqual([words.app.name, words.common.skipToContent]);
      expect(needsScript).toMatch(/JavaScript/);
    }
  });
});
